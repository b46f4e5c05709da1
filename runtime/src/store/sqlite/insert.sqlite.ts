import type { Doc, InsertManyOptions, StoredDoc } from '@tessera/core/store';
import { idFor, keptSystemFields, toStored, userFields } from '@tessera/core/store/shared';
import type { SqliteContext } from './sqlite.context';

export function insert(ctx: SqliteContext, doc: Doc): StoredDoc {
  const fields = userFields(doc);
  const id = idFor(doc);
  const now = new Date().toISOString();
  try {
    ctx.stmts.insert.run(id, 1, now, now, JSON.stringify(fields));
  } catch (err) {
    throw ctx.mapError(err);
  }
  return toStored(id, 1, now, now, fields);
}

/** One transaction (all or nothing); one timestamp for the batch. */
export function insertMany(ctx: SqliteContext, docs: Doc[], options?: InsertManyOptions): number {
  if (!Array.isArray(docs)) throw new TypeError('insertMany needs an array');
  if (docs.length === 0) return 0;
  const now = new Date().toISOString();
  const rows = docs.map((doc) => {
    const kept = options?.keepSystemFields ? keptSystemFields(doc) : { version: 1, createdAt: now, updatedAt: now };
    return [idFor(doc), kept.version, kept.createdAt, kept.updatedAt, JSON.stringify(userFields(doc))];
  });
  try {
    ctx.insertBatch(rows);
  } catch (err) {
    throw ctx.mapError(err);
  }
  return rows.length;
}
