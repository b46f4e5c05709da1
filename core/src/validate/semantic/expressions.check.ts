/**
 * Every `{ "$expr": … }` in the definition must parse as JSONata, and computed fields must not
 * depend on each other in a cycle (evaluation would never end).
 */
import type { Entity } from '../../generated/app-definition';
import { analyze } from '../../expressions/expression.analyze';
import { isExpression } from '../../expressions/is-expression';
import { joinPointer } from '../validation-issue';
import type { SemanticContext } from './semantic.context';
import { RECORD_SYSTEM_FIELDS } from '../../query/field-path';
import { didYouMean } from '../suggest';

function parse(ctx: SemanticContext, source: string, pointer: string): void {
  const [error] = analyze(source).errors;
  if (error)
    ctx.report(
      pointer,
      `expression does not parse: ${error.message}${error.position !== undefined ? ` (at position ${error.position})` : ''}`,
    );
}

function walk(ctx: SemanticContext, value: unknown, pointer: string): void {
  if (Array.isArray(value)) value.forEach((v, i) => walk(ctx, v, joinPointer(pointer, i)));
  else if (isExpression(value)) parse(ctx, value.$expr, joinPointer(pointer, '$expr'));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(ctx, v, joinPointer(pointer, k));
}

function checkComputedCycles(ctx: SemanticContext, entity: Entity, base: string): void {
  const deps = new Map<string, { reads: string[]; index: number }>();
  entity.fields.forEach((f, index) => {
    if (f.type !== 'computed') return;
    const reads = analyze(f.expression.$expr);
    if (!reads.ok) return; // already reported by walk()
    deps.set(f.id, { reads: reads.fields, index });
  });
  const done = new Set<string>();
  const visit = (id: string, trail: string[]): void => {
    if (trail.includes(id)) {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      ctx.report(
        joinPointer(base, 'fields', deps.get(cycle[0])!.index, 'expression'),
        `computed fields form a cycle: ${cycle.join(' -> ')}`,
      );
      return;
    }
    if (done.has(id)) return;
    for (const next of deps.get(id)?.reads ?? []) if (deps.has(next)) visit(next, [...trail, id]);
    done.add(id);
  };
  for (const id of deps.keys()) visit(id, []);
}

/** A computed field's expression reads its record: a name that is no field of it is a typo that would read nothing. */
function checkComputedReads(ctx: SemanticContext, entity: Entity, base: string): void {
  const known = new Set([...entity.fields.map((f) => f.id), ...RECORD_SYSTEM_FIELDS, 'createdBy']);
  entity.fields.forEach((f, index) => {
    if (f.type !== 'computed') return;
    const reads = analyze(f.expression.$expr);
    if (!reads.ok || reads.readsAll) return;
    for (const name of reads.fields)
      if (!known.has(name))
        ctx.report(
          joinPointer(base, 'fields', index, 'expression', '$expr'),
          `the expression reads "${name}", which is not a field of "${entity.id}"${didYouMean(name, [...known])}`,
        );
  });
}

export function checkExpressions(ctx: SemanticContext): void {
  walk(ctx, ctx.def, '');
  ctx.def.entities.forEach((e, i) => {
    checkComputedCycles(ctx, e, `/entities/${i}`);
    checkComputedReads(ctx, e, `/entities/${i}`);
  });
}
