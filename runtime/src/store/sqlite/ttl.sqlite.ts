import type { CompiledSql } from './filter.sql';
import type { SqliteContext } from './sqlite.context';
import { jsonPath } from './sql.fields';
import { nowIso } from '@tessera/core/store/shared';

/**
 * TTL in SQL (the rule is shared/ttl.expire.ts): a row is expired when its expire field is JSON
 * text at or before now. Collections without `expireField` get their WHERE unchanged, so their
 * statements (and plans) stay exactly as they were.
 */
export function expiredSql(field: string): string {
  const p = jsonPath(field);
  return `(json_type("doc", ${p}) = 'text' AND json_extract("doc", ${p}) <= ?)`;
}

/** `where` restricted to documents that have not expired. */
export function visible(ctx: SqliteContext, where: CompiledSql, now?: string): CompiledSql {
  const field = ctx.spec.expireField;
  if (!field) return where; // before reading the clock: most collections have no TTL and are read on every request
  return { sql: `(${where.sql}) AND NOT COALESCE(${expiredSql(field)}, 0)`, params: [...where.params, now ?? nowIso()] };
}

/** Deletes the expired rows of every collection with an expire field, in one transaction. */
export function sweepExpired(contexts: SqliteContext[], now: string): number {
  let total = 0;
  for (const ctx of contexts) {
    if (!ctx.spec.expireField) continue;
    total += ctx.cache.get(`DELETE FROM ${ctx.table} WHERE ${expiredSql(ctx.spec.expireField)}`).run(now).changes;
  }
  return total;
}
