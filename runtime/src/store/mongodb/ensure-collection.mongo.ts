import type { Connection } from 'mongoose';
import { UniqueViolationError } from '@tessera/core/store';
import type { SanitizedSpec } from '@tessera/core/store/shared';
import { buildModel, INDEX_PREFIX, planMongoIndex, type MongoIndex } from './model.build';
import type { NativeCollection } from './mongo.context';

/**
 * Brings a collection's indexes in line with the spec. MongoDB has no transactional DDL, so the
 * order gives "fail without changes": unique indexes are built first (a duplicate aborts and the
 * ones built in this call are dropped again), then plain ones, and only then are undeclared
 * `tx_` indexes dropped. Returns index name -> fields.
 */
export async function ensureMongoCollection(conn: Connection, spec: SanitizedSpec): Promise<Map<string, string[]>> {
  buildModel(conn, spec);
  const db = conn.db!;
  const exists = (await db.listCollections({ name: spec.name }, { nameOnly: true }).toArray()).length > 0;
  if (!exists) {
    try {
      await db.createCollection(spec.name);
    } catch (err) {
      if ((err as { code?: number }).code !== 48) throw err; // 48: created concurrently
    }
  }
  const coll = db.collection(spec.name) as unknown as NativeCollection;
  const existing = new Set((await coll.indexes()).map((ix) => ix.name as string).filter((n) => n.startsWith(INDEX_PREFIX)));
  // Queries carry no collation, so the case-insensitive unique index cannot serve them: a plain one beside it does.
  const planned = spec.indexes.flatMap((ix) =>
    ix.ignoreCase ? [planMongoIndex(spec, ix), planMongoIndex(spec, { fields: ix.fields, unique: false })] : [planMongoIndex(spec, ix)],
  );
  const missing = planned.filter((p) => !existing.has(p.options.name));
  const created: string[] = [];
  const build = async (p: MongoIndex) => {
    await coll.createIndex(p.key, p.options);
    created.push(p.options.name);
  };
  for (const p of missing.filter((m) => m.options.unique)) {
    try {
      await build(p);
    } catch (err) {
      await Promise.all(created.map((n) => coll.dropIndex(n).catch(() => undefined)));
      if ((err as { code?: number }).code === 11000) {
        throw new UniqueViolationError(
          spec.name,
          p.fields,
          `${spec.name}: cannot add unique index on ${p.fields.join(' + ')}: existing documents have duplicate values`,
        );
      }
      throw err;
    }
  }
  for (const p of missing.filter((m) => !m.options.unique)) await build(p);
  const wanted = new Set(planned.map((p) => p.options.name));
  for (const name of existing) if (!wanted.has(name)) await coll.dropIndex(name);
  return new Map(planned.map((p) => [p.options.name, p.fields]));
}
