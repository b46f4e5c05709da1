import type { Entity, Field } from '@tessera/core';
import type { Doc, Store } from '@tessera/core/store';
import { ValidationFailed, type Issue } from '../domain-errors';
import { recordCollectionName } from '../platform/storage-plan';

type RelationField = Extract<Field, { type: 'relation' }>;

/** The relation fields of an entity that hold values in `input`, with their ids. */
function relationIds(entity: Entity, input: Doc): Array<{ field: RelationField; ids: string[]; many: boolean }> {
  const out: Array<{ field: RelationField; ids: string[]; many: boolean }> = [];
  for (const field of entity.fields) {
    if (field.type !== 'relation' || input[field.id] === undefined || input[field.id] === null) continue;
    const v = input[field.id];
    out.push({ field, ids: (Array.isArray(v) ? v : [v]) as string[], many: Array.isArray(v) });
  }
  return out;
}

/** Whether the caller may read a record of an entity (role and row scope); links may only point at those. */
export type Readable = (entityId: string, doc: Doc) => boolean;
const ANYONE: Readable = () => true;

/**
 * A relation must point at a record that exists and that the caller may read: a record outside
 * their rows is answered exactly like a missing one, so linking cannot probe for other people's
 * records. Links the record already has (`current`) are not checked again, so someone may save a
 * record that a manager linked to a company they cannot see.
 */
export async function checkRelations(...args: Parameters<typeof relationIssues>): Promise<void> {
  const errors = await relationIssues(...args);
  if (errors.length) throw new ValidationFailed(`the ${args[2].id} links to records that do not exist`, errors);
}

/** checkRelations' issues without throwing; ids that are not strings are the schema's to report. */
export async function relationIssues(
  store: Store,
  appId: string,
  entity: Entity,
  input: Doc,
  readable: Readable = ANYONE,
  current?: Doc | null,
): Promise<Issue[]> {
  const errors: Issue[] = [];
  for (const { field, ids, many } of relationIds(entity, input)) {
    const target = store.collection(recordCollectionName(appId, field.to));
    const kept = new Set(current ? [current[field.id]].flat().filter((v): v is string => typeof v === 'string') : []);
    for (const [i, id] of ids.entries()) {
      if (typeof id !== 'string' || kept.has(id)) continue;
      const doc = await target.get(id);
      if (!doc || !readable(field.to, doc))
        errors.push({ pointer: `/${field.id}${many ? `/${i}` : ''}`, message: `no ${field.to} with id "${id}"` });
    }
  }
  return errors;
}

/**
 * A write refused by the schema also names its links that point nowhere, so a client fixes
 * everything in one round trip (fields the schema already refused are not checked again).
 */
export async function withRelationIssues(err: unknown, check: (input: Doc) => Promise<Issue[]>, input: unknown): Promise<unknown> {
  if (!(err instanceof ValidationFailed) || typeof input !== 'object' || input === null || Array.isArray(input)) return err;
  const refused = new Set((err.issues ?? []).map((i) => i.pointer.split('/')[1]));
  const rest = Object.fromEntries(Object.entries(input).filter(([k]) => !refused.has(k)));
  const more = await check(rest);
  return more.length ? new ValidationFailed(err.message, [...(err.issues ?? []), ...more]) : err;
}

/** For batches (CSV import): which of these ids exist per related entity, one `$in` query per 1,000 ids. */
export async function existingIds(
  store: Store,
  appId: string,
  entity: Entity,
  inputs: Doc[],
  readable: Readable = ANYONE,
): Promise<Map<string, Set<string>>> {
  const wanted = new Map<string, Set<string>>();
  for (const input of inputs) {
    for (const { field, ids } of relationIds(entity, input)) {
      const set = wanted.get(field.to) ?? new Set<string>();
      ids.forEach((id) => set.add(id));
      wanted.set(field.to, set);
    }
  }
  const found = new Map<string, Set<string>>();
  for (const [to, ids] of wanted) {
    const all = [...ids];
    const have = new Set<string>();
    for (let i = 0; i < all.length; i += 1000) {
      const page = await store
        .collection(recordCollectionName(appId, to))
        .find({ filter: { id: { $in: all.slice(i, i + 1000) } }, limit: 1000 });
      page.items.forEach((d) => readable(to, d) && have.add(d.id));
    }
    found.set(to, have);
  }
  return found;
}

/** The relation problems of one input against `existingIds`' answer. */
export function missingRelations(entity: Entity, input: Doc, existing: Map<string, Set<string>>): Issue[] {
  const errors: Issue[] = [];
  for (const { field, ids, many } of relationIds(entity, input)) {
    ids.forEach((id, i) => {
      if (!existing.get(field.to)?.has(id))
        errors.push({ pointer: `/${field.id}${many ? `/${i}` : ''}`, message: `no ${field.to} with id "${id}"` });
    });
  }
  return errors;
}
