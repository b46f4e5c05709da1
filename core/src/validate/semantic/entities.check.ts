/** References inside entities: relations, rollups, display/owner fields, indexes, enum options, segments. */
import type { Entity, Field, RollupField } from '../../generated/app-definition';
import { getFieldType } from '../../field-types/field-queries';
import { joinPointer } from '../validation-issue';
import { safeRegex, UnsafeRegexError } from '../../common/safe-regex';
import { checkFilter } from './filters';
import { checkEntityRef, checkFieldRef, type SemanticContext } from './semantic.context';

function checkRollup(ctx: SemanticContext, entity: Entity, f: RollupField, at: string): void {
  if (!checkEntityRef(ctx, f.entity, joinPointer(at, 'entity'))) return;
  const via = checkFieldRef(ctx, f.entity, f.via, joinPointer(at, 'via'));
  if (via && (via.type !== 'relation' || via.to !== entity.id)) {
    ctx.report(joinPointer(at, 'via'), `"${f.via}" must be a relation field of "${f.entity}" pointing to "${entity.id}"`);
  }
  if (f.field !== undefined) {
    const target = checkFieldRef(ctx, f.entity, f.field, joinPointer(at, 'field'));
    if (target && !getFieldType(target.type).aggregatable) {
      ctx.report(joinPointer(at, 'field'), `cannot ${f.aggregate} field "${f.field}" of type ${target.type}`);
    }
  } else if (f.aggregate !== 'count') {
    ctx.report(at, `missing required property "field" (needed by aggregate "${f.aggregate}")`);
  }
  if (f.filter) checkFilter(ctx, f.filter, f.entity, joinPointer(at, 'filter'));
}

function checkOptions(ctx: SemanticContext, f: Field, at: string): void {
  if (f.type !== 'enum' && f.type !== 'multienum') return;
  const values = new Set<string>();
  f.options.forEach((o, i) => {
    if (values.has(o.value)) ctx.report(joinPointer(at, 'options', i, 'value'), `duplicate option value "${o.value}"`);
    values.add(o.value);
  });
  const defaults = typeof f.default === 'string' ? [f.default] : Array.isArray(f.default) ? f.default : [];
  defaults.forEach((d) => {
    if (!values.has(d)) ctx.report(joinPointer(at, 'default'), `default "${d}" is not one of the options`);
  });
}

/** A field's `pattern` runs in RE2 on every record saved (see ajv.factory.ts): refuse what RE2 cannot run, at publish. */
function checkPattern(ctx: SemanticContext, f: Field, at: string): void {
  const pattern = (f as { pattern?: unknown }).pattern;
  if (typeof pattern !== 'string') return;
  try {
    safeRegex(pattern, 'u');
  } catch (err) {
    if (err instanceof UnsafeRegexError) ctx.report(joinPointer(at, 'pattern'), err.message);
    else throw err;
  }
}

function checkEntity(ctx: SemanticContext, entity: Entity, base: string): void {
  entity.fields.forEach((f, i) => {
    const at = joinPointer(base, 'fields', i);
    if (f.type === 'relation') checkEntityRef(ctx, f.to, joinPointer(at, 'to'));
    if (f.type === 'rollup') checkRollup(ctx, entity, f, at);
    checkOptions(ctx, f, at);
    checkPattern(ctx, f, at);
  });
  if (entity.display !== undefined) checkFieldRef(ctx, entity.id, entity.display, joinPointer(base, 'display'));
  if (entity.ownerField !== undefined) {
    const owner = checkFieldRef(ctx, entity.id, entity.ownerField, joinPointer(base, 'ownerField'));
    if (owner && owner.type !== 'relation' && owner.type !== 'text') {
      ctx.report(joinPointer(base, 'ownerField'), `ownerField "${owner.id}" must be a relation or text field, not ${owner.type}`);
    }
  }
  entity.searchFields?.forEach((f, i) => {
    const field = checkFieldRef(ctx, entity.id, f, joinPointer(base, 'searchFields', i));
    if (field && !getFieldType(field.type).searchable) {
      ctx.report(
        joinPointer(base, 'searchFields', i),
        `${field.type} field "${f}" cannot be searched; use text, email, phone, url, long text or multi-select fields`,
      );
    }
  });
  entity.indexes.forEach((index, i) =>
    index.fields.forEach((f, j) => {
      const field = checkFieldRef(ctx, entity.id, f, joinPointer(base, 'indexes', i, 'fields', j));
      if (field && (field.type === 'computed' || field.type === 'rollup')) {
        ctx.report(joinPointer(base, 'indexes', i, 'fields', j), `${field.type} field "${f}" is not stored and cannot be indexed`);
      }
    }),
  );
}

export function checkEntities(ctx: SemanticContext): void {
  // A duplicate entity would be checked against the first one with its id; it is already reported.
  ctx.def.entities.forEach((e, i) => ctx.entities.get(e.id)?.index === i && checkEntity(ctx, e, `/entities/${i}`));
  ctx.def.segments.forEach((s, i) => {
    if (checkEntityRef(ctx, s.entity, `/segments/${i}/entity`)) checkFilter(ctx, s.filter, s.entity, `/segments/${i}/filter`);
  });
}
