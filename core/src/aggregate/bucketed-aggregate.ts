import type { AggregateOptions, AggregateRow, Filter } from '../store/store.port';
import { bucketOf, type Bucket } from './date-bucket';

type Metric = AggregateOptions['metrics'][number];

export interface BucketedAggregate {
  filter?: Filter;
  /** The first field is bucketed (a date or datetime). */
  groupBy: string[];
  metrics: Metric[];
  bucket: Bucket;
}

/** Runs one store aggregate (the caller adds error mapping and bounds). */
export type RunAggregate = (options: AggregateOptions) => Promise<AggregateRow[]>;

/**
 * Grouped metrics by date bucket, the one implementation of the server and the browser's demo
 * data: the store groups by the date value itself (one row per distinct day or timestamp) and the
 * rows are folded into buckets here: count and sum add up, min/max compare, avg is sum / count of
 * values (asked for separately). Sum and count of an empty bucket are 0, as everywhere.
 */
export async function aggregateByBucket(run: RunAggregate, req: BucketedAggregate): Promise<AggregateRow[]> {
  const { filter, groupBy, metrics, bucket } = req;
  const storeMetrics: Metric[] = metrics.map((m) => (m.op === 'avg' ? { op: 'sum', field: m.field, as: m.as } : m));
  const rows = await run({ filter, groupBy, metrics: storeMetrics });
  const counts = new Map<string, Map<string, number>>();
  for (const m of metrics.filter((x) => x.op === 'avg')) {
    const nonNull: Filter = { [m.field as string]: { $ne: null } };
    const n = await run({
      filter: filter && Object.keys(filter).length ? { $and: [filter, nonNull] } : nonNull,
      groupBy,
      metrics: [{ op: 'count', as: '__n' }],
    });
    counts.set(m.as, foldCounts(n, groupBy, bucket));
  }
  return fold(rows, req, counts);
}

const keyOf = (row: AggregateRow, groupBy: string[], bucket: Bucket) =>
  JSON.stringify(groupBy.map((g, i) => (i === 0 ? bucketOf(row[g], bucket) : (row[g] ?? null))));

function foldCounts(rows: AggregateRow[], groupBy: string[], bucket: Bucket): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const k = keyOf(r, groupBy, bucket);
    out.set(k, (out.get(k) ?? 0) + Number(r.__n));
  }
  return out;
}

function fold(rows: AggregateRow[], req: BucketedAggregate, counts: Map<string, Map<string, number>>): AggregateRow[] {
  const { bucket } = req;
  const groups = new Map<string, AggregateRow>();
  for (const r of rows) {
    const k = keyOf(r, req.groupBy, bucket);
    let g = groups.get(k);
    if (!g) {
      g = Object.fromEntries(req.groupBy.map((f, i) => [f, i === 0 ? bucketOf(r[f], bucket) : (r[f] ?? null)]));
      for (const m of req.metrics) g[m.as] = m.op === 'count' || m.op === 'sum' || m.op === 'avg' ? 0 : null;
      groups.set(k, g);
    }
    for (const m of req.metrics) {
      const v = r[m.as] as number | null;
      if (m.op === 'count' || m.op === 'sum' || m.op === 'avg') g[m.as] = (g[m.as] as number) + Number(v ?? 0);
      else if (v !== null && v !== undefined && (g[m.as] === null || (m.op === 'min' ? v < (g[m.as] as number) : v > (g[m.as] as number))))
        g[m.as] = v;
    }
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => compareGroups(a, b, req.groupBy))
    .map(([k, g]) => {
      for (const m of req.metrics) {
        if (m.op !== 'avg') continue;
        const n = counts.get(m.as)?.get(k) ?? 0;
        g[m.as] = n ? (g[m.as] as number) / n : null;
      }
      return g;
    });
}

/** Group values in the store's order (null first; bucket labels sort in time order). */
function compareGroups(a: AggregateRow, b: AggregateRow, groupBy: string[]): number {
  for (const f of groupBy) {
    const x = a[f] as string | number | null;
    const y = b[f] as string | number | null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
