import { getFieldType } from '@tessera/core';
import type { AggregateOptions, AggregateRow, Filter } from '@tessera/core/store';
import { Invalid, type Issue } from '../../domain-errors';
import type { Records, RecordScope } from '../../records/records';
import { queryErrors } from '../../records/store-errors';
import { andFilters } from '../policy/row-scope.policy';
import { BUCKETS, bucketOf, type Bucket } from './buckets';

type Metric = AggregateOptions['metrics'][number];

export interface AggregateRequest {
  filter?: Filter;
  groupBy: string[];
  metrics: Metric[];
  bucket?: Bucket;
}

const DATE_SYSTEM_FIELDS = new Set(['createdAt', 'updatedAt']);
const MAX_GROUPS = 100_000;

/** Checks grouping and metric fields against the entity as the caller sees it (hidden fields are unknown). */
export function checkAggregate(s: RecordScope, req: AggregateRequest): void {
  const { entity } = s.target;
  const issues: Issue[] = [];
  const fieldOf = (id: string) => entity.fields.find((f) => f.id === id && !s.policy.hidden.has(f.id));
  const check = (id: string | undefined, pointer: string) => {
    if (id === undefined) return;
    const f = fieldOf(id);
    if (!f && !['id', 'createdBy', ...DATE_SYSTEM_FIELDS].includes(id)) issues.push({ pointer, message: `unknown field "${id}" on ${entity.id}` });
    else if (f && !getFieldType(f.type).stored) issues.push({ pointer, message: `"${id}" is computed on read and cannot be aggregated` });
  };
  req.groupBy.forEach((g, i) => check(g, `/groupBy/${i}`));
  req.metrics.forEach((m, i) => check(m?.field, `/metrics/${i}/field`));
  if (req.bucket !== undefined) {
    const first = req.groupBy[0];
    const type = first ? fieldOf(first)?.type : undefined;
    if (!BUCKETS.includes(req.bucket)) issues.push({ pointer: '/bucket', message: `must be one of ${BUCKETS.join(', ')}` });
    else if (!first || !(type === 'date' || type === 'datetime' || DATE_SYSTEM_FIELDS.has(first))) {
      issues.push({ pointer: '/groupBy/0', message: 'bucket needs a date or datetime field as the first groupBy field' });
    }
  }
  if (issues.length) throw new Invalid(issues.map((i) => `${i.pointer}: ${i.message}`).join('; '), issues);
}

/**
 * Grouped metrics over the records the caller may read. With a bucket, the store groups by the
 * date value itself (one row per distinct day or timestamp) and the rows are folded into buckets
 * here: count and sum add up, min/max compare, avg is sum / count of values (asked for separately).
 */
export async function aggregateRecords(records: Records, s: RecordScope, req: AggregateRequest): Promise<AggregateRow[]> {
  if (!s.policy.read) await records.count(s, undefined); // throws the same 403 as a list
  checkAggregate(s, req);
  const filter = records.scopedFilter(s, req.filter);
  const coll = s.target.collection;
  if (!req.bucket) return queryErrors(() => coll.aggregate({ filter, groupBy: req.groupBy, metrics: req.metrics }));

  const storeMetrics: Metric[] = req.metrics.map((m) => (m.op === 'avg' ? { op: 'sum', field: m.field, as: m.as } : m));
  const rows = await queryErrors(() => coll.aggregate({ filter, groupBy: req.groupBy, metrics: storeMetrics }));
  if (rows.length > MAX_GROUPS) throw new Invalid(`more than ${MAX_GROUPS} groups; narrow the filter`);
  const counts = new Map<string, Map<string, number>>();
  for (const m of req.metrics.filter((x) => x.op === 'avg')) {
    const nonNull = andFilters(filter, { [m.field as string]: { $ne: null } });
    const n = await queryErrors(() => coll.aggregate({ filter: nonNull, groupBy: req.groupBy, metrics: [{ op: 'count', as: '__n' }] }));
    counts.set(m.as, foldCounts(n, req.groupBy, req.bucket!));
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

function fold(rows: AggregateRow[], req: AggregateRequest, counts: Map<string, Map<string, number>>): AggregateRow[] {
  const bucket = req.bucket!;
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
      else if (v !== null && v !== undefined && (g[m.as] === null || (m.op === 'min' ? v < (g[m.as] as number) : v > (g[m.as] as number)))) g[m.as] = v;
    }
  }
  const out = [...groups.entries()].sort(([, a], [, b]) => compareGroups(a, b, req.groupBy)).map(([k, g]) => {
    for (const m of req.metrics) {
      if (m.op !== 'avg') continue;
      const n = counts.get(m.as)?.get(k) ?? 0;
      g[m.as] = n ? (g[m.as] as number) / n : null;
    }
    return g;
  });
  return out;
}

/** Group values in order, null first (as the store orders groups). */
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
