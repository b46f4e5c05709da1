/** References inside entities: relations, rollups, display/owner fields, indexes, enum options, segments. */
import type { Entity, Field } from '../../generated/app-definition';
import { getFieldType } from '../../field-types/field-queries';
import { joinPointer } from '../validation-issue';
import { safeRegex, UnsafeRegexError } from '../../common/safe-regex';
import { checkFilter } from './filters';
import { checkRefs } from './refs.check';
import { fieldTypes } from '../../field-types/field-types.index';
import { checkEntityRef, checkFieldRef, type SemanticContext } from './semantic.context';

/** A field's `pattern` runs in RE2 on every record saved (see ajv.factory.ts): refuse what RE2 cannot run, at publish. */
/** "relation or text": the types that can hold an owner. */
const ownerTypes = () =>
  fieldTypes
    .list()
    .filter((t) => t.owner)
    .map((t) => t.type)
    .join(' or ');

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
    const type = getFieldType(f.type);
    // Refs of a field's settings are about the entity its `entity` setting names (a rollup's), else its own.
    if (type.refs) checkRefs(ctx, type.refs, f, at, (f as { entity?: string }).entity ?? entity.id);
    type.check?.(f, {
      entity: entity.id,
      fieldOf: (e, id) => ctx.entities.get(e)?.fields.get(id),
      typeOf: getFieldType,
      report: (path, message) => ctx.report(joinPointer(at, ...path), message),
    });
    checkPattern(ctx, f, at);
  });
  if (entity.display !== undefined) checkFieldRef(ctx, entity.id, entity.display, joinPointer(base, 'display'));
  if (entity.ownerField !== undefined) {
    const owner = checkFieldRef(ctx, entity.id, entity.ownerField, joinPointer(base, 'ownerField'));
    if (owner && !getFieldType(owner.type).owner) {
      ctx.report(joinPointer(base, 'ownerField'), `ownerField "${owner.id}" must be a ${ownerTypes()} field, not ${owner.type}`);
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
