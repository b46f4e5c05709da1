/**
 * Checks publish renames against the published version and the definition about to replace it:
 * the old id existed before and is gone now, the new id is new, a field keeps its storage kind.
 * Every bad item is reported (422, one issue per item) before anything is published or moved.
 */
import { getFieldType, storageKindOf, type AppDefinition, type Entity } from '@tessera/core';
import { ValidationFailed, type Issue } from '../../domain-errors';
import { isFieldRename, type EntityRename, type FieldRename, type Rename } from './renames.input';

/** What the storage migration moves: entity renames first, then field renames (with the entity's old id). */
export interface RenamePlan {
  entities: EntityRename[];
  fields: Array<FieldRename & { oldEntity: string }>;
}

export const EMPTY_PLAN: RenamePlan = { entities: [], fields: [] };

const fieldIn = (e: Entity | undefined, id: string) => e?.fields.find((f) => f.id === id);
const stored = (f: { type: string }) => getFieldType(f.type).stored;

export function checkRenames(
  renames: Rename[],
  previous: { version: number; definition: AppDefinition } | null,
  next: AppDefinition,
): RenamePlan {
  if (renames.length === 0) return EMPTY_PLAN;
  const issues: Issue[] = [];
  const fail = (i: number, key: string, message: string) => issues.push({ pointer: `/renames/${i}${key ? `/${key}` : ''}`, message });
  if (!previous) {
    renames.forEach((_, i) => fail(i, '', 'the app has no published version yet, so there are no stored records to move'));
    throw new ValidationFailed(`"${next.id}" was never published: renames have nothing to move`, issues);
  }
  const before = (id: string) => previous.definition.entities.find((e) => e.id === id);
  const after = (id: string) => next.entities.find((e) => e.id === id);
  const v = `published version ${previous.version}`;
  const plan: RenamePlan = { entities: [], fields: [] };
  const oldIdOf = new Map<string, string>();
  const seen = new Set<string>();
  const once = (i: number, key: string, what: string) => {
    if (seen.has(what)) fail(i, key, `${what} is renamed twice in this list`);
    seen.add(what);
  };

  renames.forEach((r, i) => {
    if (isFieldRename(r)) return;
    const bad = issues.length;
    if (r.from === r.to) fail(i, 'to', 'the new id must differ from the old one');
    if (!before(r.from)) fail(i, 'from', `entity "${r.from}" is not in the ${v}`);
    else if (after(r.from)) fail(i, 'from', `entity "${r.from}" is still in the new definition; a renamed entity's old id must be gone`);
    if (!after(r.to)) fail(i, 'to', `entity "${r.to}" is not in the new definition`);
    else if (before(r.to)) fail(i, 'to', `entity "${r.to}" already exists in the ${v}: its records would mix with those of "${r.from}"`);
    once(i, 'from', `entity "${r.from}"`);
    once(i, 'to', `entity "${r.to}" (as a new id)`);
    if (issues.length === bad) {
      plan.entities.push({ from: r.from, to: r.to });
      oldIdOf.set(r.to, r.from);
    }
  });

  renames.forEach((r, i) => {
    if (!isFieldRename(r)) return;
    const bad = issues.length;
    const entity = after(r.entity);
    const oldEntityId = oldIdOf.get(r.entity) ?? r.entity;
    const old = before(oldEntityId);
    if (!entity) fail(i, 'entity', `entity "${r.entity}" is not in the new definition`);
    else if (!old) fail(i, 'entity', `entity "${oldEntityId}" is not in the ${v} (a renamed entity needs its own rename in the list)`);
    if (entity && old) {
      const from = fieldIn(old, r.from);
      const to = fieldIn(entity, r.to);
      if (r.from === r.to) fail(i, 'to', 'the new id must differ from the old one');
      if (!from) fail(i, 'from', `field "${r.from}" is not in entity "${oldEntityId}" of the ${v}`);
      else if (!stored(from)) fail(i, 'from', `field "${r.from}" is ${from.type}: it stores no values to move`);
      else if (fieldIn(entity, r.from))
        fail(i, 'from', `field "${r.from}" is still in entity "${r.entity}"; a renamed field's old id must be gone`);
      if (!to) fail(i, 'to', `field "${r.to}" is not in entity "${r.entity}" of the new definition`);
      else if (!stored(to)) fail(i, 'to', `field "${r.to}" is ${to.type}: it cannot hold stored values`);
      else if (fieldIn(old, r.to)) fail(i, 'to', `field "${r.to}" already exists in the ${v}: its values would be overwritten`);
      if (from && to && stored(from) && stored(to) && storageKindOf(from) !== storageKindOf(to)) {
        fail(i, 'to', `field "${r.to}" (${to.type}) cannot take the values of "${r.from}" (${from.type}): they are stored differently`);
      }
    }
    once(i, 'from', `field "${r.entity}.${r.from}"`);
    once(i, 'to', `field "${r.entity}.${r.to}" (as a new id)`);
    if (issues.length === bad) plan.fields.push({ ...r, oldEntity: oldEntityId });
  });

  if (issues.length) throw new ValidationFailed(`${issues.length} rename(s) cannot be applied; nothing was published or moved`, issues);
  return plan;
}
