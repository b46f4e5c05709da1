/**
 * Every `{ "$expr": … }` in the definition must parse as JSONata, and computed fields must not
 * depend on each other in a cycle (evaluation would never end).
 */
import jsonata from 'jsonata';
import type { Entity } from '../../generated/app-definition';
import { joinPointer } from '../validation-issue';
import type { SemanticContext } from './semantic.context';

type Ast = ReturnType<ReturnType<typeof jsonata>['ast']>;

function parse(ctx: SemanticContext, source: string, pointer: string): Ast | undefined {
  try {
    return jsonata(source).ast();
  } catch (err) {
    const e = err as { message?: string; position?: number };
    ctx.report(pointer, `expression does not parse: ${e.message ?? String(err)}${e.position !== undefined ? ` (at position ${e.position})` : ''}`);
    return undefined;
  }
}

function walk(ctx: SemanticContext, value: unknown, pointer: string): void {
  if (Array.isArray(value)) value.forEach((v, i) => walk(ctx, v, joinPointer(pointer, i)));
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.$expr === 'string' && Object.keys(obj).length === 1) parse(ctx, obj.$expr, joinPointer(pointer, '$expr'));
    else for (const [k, v] of Object.entries(obj)) walk(ctx, v, joinPointer(pointer, k));
  }
}

/** Field names an expression reads: the first step of every path (`company.name` reads `company`). */
function namesRead(ast: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(ast)) ast.forEach((a) => namesRead(a, out));
  else if (ast && typeof ast === 'object') {
    const node = ast as { type?: string; steps?: Array<{ type?: string; value?: unknown }> };
    const first = node.type === 'path' ? node.steps?.[0] : undefined;
    if (first?.type === 'name' && typeof first.value === 'string') out.add(first.value);
    if (node.type === 'name' && typeof (node as { value?: unknown }).value === 'string') out.add(String((node as { value: string }).value));
    Object.values(ast).forEach((v) => namesRead(v, out));
  }
  return out;
}

function checkComputedCycles(ctx: SemanticContext, entity: Entity, base: string): void {
  const deps = new Map<string, { reads: string[]; index: number }>();
  entity.fields.forEach((f, index) => {
    if (f.type !== 'computed') return;
    let ast: Ast;
    try {
      ast = jsonata(f.expression.$expr).ast();
    } catch {
      return; // already reported by walk()
    }
    deps.set(f.id, { reads: [...namesRead(ast)], index });
  });
  const done = new Set<string>();
  const visit = (id: string, trail: string[]): void => {
    if (trail.includes(id)) {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      ctx.report(joinPointer(base, 'fields', deps.get(cycle[0])!.index, 'expression'), `computed fields form a cycle: ${cycle.join(' -> ')}`);
      return;
    }
    if (done.has(id)) return;
    for (const next of deps.get(id)?.reads ?? []) if (deps.has(next)) visit(next, [...trail, id]);
    done.add(id);
  };
  for (const id of deps.keys()) visit(id, []);
}

export function checkExpressions(ctx: SemanticContext): void {
  walk(ctx, ctx.def, '');
  ctx.def.entities.forEach((e, i) => checkComputedCycles(ctx, e, `/entities/${i}`));
}
