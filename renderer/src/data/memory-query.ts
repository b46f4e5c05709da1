/**
 * The filter language (MongoDB-style subset, docs/definition-format.md "Filters"), sorting and
 * grouping, over plain objects in memory. Used by the demo DataPort so the builder's preview
 * behaves like the server: same operators, same "array field contains" semantics.
 */
import { matchesSearch, searchTerms } from '@tessera/core';
import type { Bucket, MetricOp, SortSpec } from './data-port';

type Doc = Record<string, unknown>;
type Ops = Record<string, unknown>;

const getPath = (doc: Doc, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Doc)[k] : undefined), doc);

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

const eq = (value: unknown, target: unknown): boolean =>
  Array.isArray(value) ? value.some((v) => v === target) || (target === null && value.length === 0) : (value ?? null) === target;

const OPERATORS: Record<string, (value: unknown, arg: unknown, ops: Ops) => boolean> = {
  $eq: (v, a) => eq(v, a),
  $ne: (v, a) => !eq(v, a),
  $gt: (v, a) => v != null && compare(v, a) > 0,
  $gte: (v, a) => v != null && compare(v, a) >= 0,
  $lt: (v, a) => v != null && compare(v, a) < 0,
  $lte: (v, a) => v != null && compare(v, a) <= 0,
  $in: (v, a) => (a as unknown[]).some((x) => eq(v, x)),
  $nin: (v, a) => !(a as unknown[]).some((x) => eq(v, x)),
  $exists: (v, a) => (v !== undefined && v !== null) === a,
  $regex: (v, a, ops) => {
    if (v == null) return false;
    const re = new RegExp(String(a), ops.$options === 'i' ? 'i' : '');
    return Array.isArray(v) ? v.some((x) => re.test(String(x))) : re.test(String(v));
  },
  $options: () => true,
  $not: (v, a) => !matchOps(v, a as Ops),
};

function matchOps(value: unknown, ops: Ops): boolean {
  return Object.entries(ops).every(([op, arg]) => {
    const fn = OPERATORS[op];
    if (!fn) throw new Error(`unknown filter operator ${op}`);
    return fn(value, arg, ops);
  });
}

const isOps = (v: unknown): v is Ops =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).some((k) => k.startsWith('$'));

export function matches(doc: Doc, filter: Record<string, unknown> | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([key, cond]) => {
    if (key === '$and') return (cond as Doc[]).every((f) => matches(doc, f));
    if (key === '$or') return (cond as Doc[]).some((f) => matches(doc, f));
    if (key === '$search') return matchesSearchQuery(doc, cond);
    const value = getPath(doc, key);
    return isOps(cond) ? matchOps(value, cond) : eq(value, cond);
  });
}

/** `$search` as the server evaluates it; the string form (all search fields) matches over every value. */
function matchesSearchQuery(doc: Doc, query: unknown): boolean {
  const { text, fields } = typeof query === 'string' ? { text: query, fields: undefined } : (query as { text: string; fields?: string[] });
  const values = fields ? fields.map((f) => getPath(doc, f)) : Object.values(doc);
  return matchesSearch(values, searchTerms(text));
}

/** Sorted copy; ties broken by id like the server (in the last key's direction), so cursors are stable. */
export function sortDocs<T extends Doc>(docs: T[], sort: SortSpec[] = []): T[] {
  const keys = [...sort, { field: 'id', dir: sort.at(-1)?.dir ?? ('asc' as const) }];
  return [...docs].sort((a, b) => {
    for (const k of keys) {
      const c = compare(getPath(a, k.field), getPath(b, k.field));
      if (c !== 0) return k.dir === 'desc' ? -c : c;
    }
    return 0;
  });
}

/** Truncates an ISO date/datetime to the start of its bucket, as the server's `bucket` does. */
export function bucketOf(value: unknown, bucket: Bucket): string | null {
  if (typeof value !== 'string' || value.length < 10) return null;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (bucket) {
    case 'year': return `${y}-01-01`;
    case 'quarter': return `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`;
    case 'month': return `${y}-${pad(m)}-01`;
    case 'week': {
      const date = new Date(Date.UTC(y, m - 1, d));
      date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
      return date.toISOString().slice(0, 10);
    }
    default: return value.slice(0, 10);
  }
}

const METRICS: Record<MetricOp, (values: number[], count: number) => number | null> = {
  count: (_v, count) => count,
  sum: (v) => v.reduce((a, b) => a + b, 0),
  avg: (v) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null),
  min: (v) => (v.length ? Math.min(...v) : null),
  max: (v) => (v.length ? Math.max(...v) : null),
};

export function aggregateDocs(
  docs: Doc[],
  groupBy: string[] = [],
  metrics: Array<{ op: MetricOp; field?: string; as: string }>,
  bucket?: Bucket,
): Array<Record<string, unknown>> {
  const groups = new Map<string, { key: Record<string, unknown>; docs: Doc[] }>();
  for (const doc of docs) {
    const key = Object.fromEntries(
      groupBy.map((g, i) => [g, i === 0 && bucket ? bucketOf(getPath(doc, g), bucket) : (getPath(doc, g) ?? null)]),
    );
    const k = JSON.stringify(key);
    if (!groups.has(k)) groups.set(k, { key, docs: [] });
    groups.get(k)!.docs.push(doc);
  }
  return [...groups.values()].map(({ key, docs: group }) => {
    const row: Record<string, unknown> = { ...key };
    for (const m of metrics) {
      const values = m.field ? group.map((d) => getPath(d, m.field!)).filter((v): v is number => typeof v === 'number') : [];
      row[m.as] = METRICS[m.op](values, group.length);
    }
    return row;
  });
}
