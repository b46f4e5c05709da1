import type { MongoQuery } from './filter.mongo';
import { mongoPath } from './filter.mongo';

/**
 * TTL on MongoDB (rule: shared/ttl.expire.ts). Dates are stored as ISO strings, and a TTL index
 * only deletes documents whose field is a BSON date, so expiry is not left to MongoDB: reads
 * and filtered writes add `notExpired`, and `Store.sweepExpired` deletes with `expiredQuery`.
 * `$lte` on a string only matches strings (MongoDB compares within one type), exactly the rule.
 */
export function expiredQuery(field: string, now: string): MongoQuery {
  return { [mongoPath(field)]: { $lte: now } };
}

export function notExpired(field: string | undefined, query: MongoQuery, now: string): MongoQuery {
  if (!field) return query;
  return { $and: [query, { $nor: [expiredQuery(field, now)] }] };
}

/** The same test as an aggregation expression (inside update pipelines). */
export function expiredExpr(field: string | undefined, now: string): Record<string, unknown> | null {
  if (!field) return null;
  const v = `$${mongoPath(field)}`;
  return { $and: [{ $eq: [{ $type: v }, 'string'] }, { $lte: [v, now] }] };
}
