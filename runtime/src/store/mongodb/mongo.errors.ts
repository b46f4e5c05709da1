import { StorageFullError, UniqueViolationError } from '@tessera/core/store';
import type { MongoContext } from './mongo.context';

interface MongoErrorLike {
  code?: number;
  keyPattern?: Record<string, unknown>;
  message?: string;
}

/** MongoDB's OutOfDiskSpace (14031): the server refused the write for a full disk. */
const OUT_OF_DISK_SPACE = 14031;

/**
 * E11000 -> UniqueViolationError naming the fields (from keyPattern, else from the index name);
 * a full disk -> StorageFullError, as the SQLite adapter maps SQLITE_FULL.
 */
export function mapMongoError(ctx: Pick<MongoContext, 'name' | 'indexFields'>, err: unknown): unknown {
  const e = err as MongoErrorLike;
  if (e?.code === OUT_OF_DISK_SPACE) return new StorageFullError(err);
  if (e?.code !== 11000) return err;
  let fields = e.keyPattern ? Object.keys(e.keyPattern).filter((k) => k !== '_id' || Object.keys(e.keyPattern!).length === 1) : undefined;
  if (!fields?.length) {
    const name = /index: (\S+)/.exec(e.message ?? '')?.[1];
    fields = (name && ctx.indexFields.get(name)) || [name === '_id_' ? 'id' : (name ?? 'unknown')];
  }
  return new UniqueViolationError(
    ctx.name,
    fields.map((f) => (f === '_id' ? 'id' : f)),
  );
}
