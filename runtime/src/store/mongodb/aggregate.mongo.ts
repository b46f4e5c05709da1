import type { AggregateRow } from '@tessera/core/store';
import type { NormalizedAggregate } from '@tessera/core/query';
import { mongoPath, toMongoFilter } from './filter.mongo';

/**
 * $match -> $group -> $sort. Group keys are g0, g1… because `_id` sub-keys cannot contain dots;
 * `$ifNull` folds missing into null (a missing key would otherwise form its own group).
 */
export function buildPipeline(q: NormalizedAggregate, searchFields: readonly string[] = []): Record<string, unknown>[] {
  const id =
    q.groupBy.length === 0 ? null : Object.fromEntries(q.groupBy.map((f, i) => [`g${i}`, { $ifNull: [`$${mongoPath(f)}`, null] }]));
  const group: Record<string, unknown> = { _id: id };
  q.metrics.forEach((m, i) => {
    group[`m${i}`] = m.op === 'count' ? { $sum: 1 } : { [`$${m.op}`]: `$${mongoPath(m.field as string)}` };
  });
  const pipeline: Record<string, unknown>[] = [{ $match: toMongoFilter(q.filter, searchFields) }, { $group: group }];
  if (q.groupBy.length > 0) pipeline.push({ $sort: Object.fromEntries(q.groupBy.map((_, i) => [`_id.g${i}`, 1])) });
  return pipeline;
}

/** Shapes pipeline output like the port says; without groupBy there is always exactly one row. */
export function toRows(q: NormalizedAggregate, docs: Record<string, unknown>[]): AggregateRow[] {
  if (docs.length === 0 && q.groupBy.length === 0) {
    return [Object.fromEntries(q.metrics.map((m) => [m.as, m.op === 'count' || m.op === 'sum' ? 0 : null]))];
  }
  return docs.map((d) => {
    const out: AggregateRow = {};
    const id = (d._id ?? {}) as Record<string, unknown>;
    q.groupBy.forEach((f, i) => (out[f] = id[`g${i}`] ?? null));
    q.metrics.forEach((m, i) => (out[m.as] = d[`m${i}`] ?? null));
    return out;
  });
}
