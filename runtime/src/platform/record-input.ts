import { createRecordValidator, type Entity, type Field } from '@tessera/core';
import type { Doc, Store } from '@tessera/core/store';
import { Forbidden, ValidationFailed, type Issue } from '../domain-errors';
import { evaluateExpression, isExpression } from '../expressions/evaluate';
import { defaultOf, recordCollectionName } from './storage-plan';
import type { Caller, EntityPolicy } from './policy/policy.types';
import { checkWritable } from './policy/check-writable.policy';
import { inScope } from './policy/row-scope.policy';

type RelationField = Extract<Field, { type: 'relation' }>;

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** 403 with one error per field the caller's role may not write. */
export function assertWritable(body: unknown, perm: EntityPolicy, entityId: string): void {
  const issues = checkWritable(body, perm);
  if (issues.length) throw new Forbidden(`your role may not change these fields of ${entityId}`, { issues });
}

/** A text/email owner field left empty gets the caller's email (a relation owner is left to its default). */
export function withOwner(entity: Entity, body: unknown, caller: Caller): unknown {
  const owner = entity.ownerField ? entity.fields.find((f) => f.id === entity.ownerField) : undefined;
  if (!owner || !isObject(body) || body[owner.id] !== undefined || (owner.type !== 'text' && owner.type !== 'email')) return body;
  return { ...body, [owner.id]: caller.user.email };
}

/** Fills fields the client left out that have a default (a literal or an expression of `now` and `user`). */
export async function withDefaults(entity: Entity, body: unknown, caller: Caller | null): Promise<unknown> {
  if (!isObject(body)) return body;
  const out: Doc = { ...body };
  for (const field of entity.fields) {
    const fallback = defaultOf(field);
    if (out[field.id] !== undefined || fallback === undefined) continue;
    if (!isExpression(fallback)) {
      out[field.id] = structuredClone(fallback);
      continue;
    }
    const context = { now: new Date().toISOString(), user: caller ? { id: caller.user.id, email: caller.user.email } : null };
    try {
      out[field.id] = await evaluateExpression(fallback.$expr, context);
    } catch (err) {
      throw new ValidationFailed(`the default of ${entity.id}.${field.id} failed: ${(err as Error).message}`, [
        { pointer: `/${field.id}`, message: `default expression failed: ${(err as Error).message}` },
      ]);
    }
  }
  return out;
}

/**
 * Everything a create checks before touching storage, in the order the API reports problems:
 * fields the role may not write (403), defaults, the record schema (422), and that the owner is
 * inside the caller's row scope (403). Returns the document to insert.
 */
export async function prepareCreate(entity: Entity, body: unknown, perm: EntityPolicy, caller: Caller): Promise<Doc> {
  assertWritable(body, perm, entity.id);
  const input = await withDefaults(entity, withOwner(entity, body, caller), caller);
  const checked = createRecordValidator(entity, 'create')(input);
  if (!checked.ok) throw new ValidationFailed(`the ${entity.id} is not valid`, checked.errors);
  assertOwnerInScope(input as Doc, perm, caller, 'create');
  return input as Doc;
}

/** A write may not hand a record to someone outside the caller's row scope. */
export function assertOwnerInScope(doc: Doc, perm: EntityPolicy, caller: Caller, action: 'create' | 'update'): void {
  if (!perm.ownerField || doc[perm.ownerField] === undefined || inScope(doc, perm, caller, action)) return;
  throw new Forbidden(`you may only ${action} records owned by ${perm.rows[action] === 'team' ? 'your team' : 'you'}`);
}

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
export async function checkRelations(store: Store, appId: string, entity: Entity, input: Doc, readable: Readable = ANYONE, current?: Doc | null): Promise<void> {
  const errors: Issue[] = [];
  for (const { field, ids, many } of relationIds(entity, input)) {
    const target = store.collection(recordCollectionName(appId, field.to));
    const kept = new Set(current ? [current[field.id]].flat().filter((v): v is string => typeof v === 'string') : []);
    for (const [i, id] of ids.entries()) {
      if (kept.has(id)) continue;
      const doc = await target.get(id);
      if (!doc || !readable(field.to, doc)) errors.push({ pointer: `/${field.id}${many ? `/${i}` : ''}`, message: `no ${field.to} with id "${id}"` });
    }
  }
  if (errors.length) throw new ValidationFailed(`the ${entity.id} links to records that do not exist`, errors);
}

/** For batches (CSV import): which of these ids exist per related entity, one `$in` query per 1,000 ids. */
export async function existingIds(store: Store, appId: string, entity: Entity, inputs: Doc[], readable: Readable = ANYONE): Promise<Map<string, Set<string>>> {
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
      const page = await store.collection(recordCollectionName(appId, to)).find({ filter: { id: { $in: all.slice(i, i + 1000) } }, limit: 1000 });
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
      if (!existing.get(field.to)?.has(id)) errors.push({ pointer: `/${field.id}${many ? `/${i}` : ''}`, message: `no ${field.to} with id "${id}"` });
    });
  }
  return errors;
}
