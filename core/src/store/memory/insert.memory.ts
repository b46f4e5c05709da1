import type { Doc, InsertManyOptions, StoredDoc } from '../store.port';
import { StoreError, UniqueViolationError } from '../store.errors';
import { idFor, keptSystemFields, toStored, userFields } from '../shared/doc.prepare';
import { checkUnique, copyOut, toJson, type MemoryContext } from './memory.context';

function build(doc: Doc, now: string, keep: boolean): StoredDoc {
  const kept = keep ? keptSystemFields(doc) : { version: 1, createdAt: now, updatedAt: now };
  return toStored(idFor(doc), kept.version, kept.createdAt, kept.updatedAt, toJson(userFields(doc)));
}

/** Puts a new document in `docs`, refusing a taken id or a unique clash. */
export function add(ctx: MemoryContext, docs: Map<string, StoredDoc>, stored: StoredDoc): void {
  if (docs.has(stored.id)) throw new UniqueViolationError(ctx.name, ['id']);
  checkUnique(ctx, docs, stored);
  docs.set(stored.id, stored);
}

export function insert(ctx: MemoryContext, doc: Doc): StoredDoc {
  const stored = build(doc, new Date().toISOString(), false);
  add(ctx, ctx.docs, stored);
  return copyOut(stored);
}

/** All or nothing: the batch goes into a copy of the collection, which replaces it at the end. */
export function insertMany(ctx: MemoryContext, docs: Doc[], options?: InsertManyOptions): number {
  if (!Array.isArray(docs)) throw new TypeError('insertMany needs an array');
  if (docs.length === 0) return 0;
  const now = new Date().toISOString();
  const next = new Map(ctx.docs);
  for (const doc of docs) {
    if (typeof doc !== 'object' || doc === null) throw new StoreError('a document must be an object');
    add(ctx, next, build(doc, now, !!options?.keepSystemFields));
  }
  ctx.docs = next;
  return docs.length;
}
