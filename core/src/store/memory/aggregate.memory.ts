import type { AggregateOptions, AggregateRow, Doc } from '../store.port';
import { normalizeAggregate } from '../../query/aggregate.normalize';
import { isSystemField } from '../../query/field-path';
import { compareSql, jsonAt, jsonTypeOf, sortValueOf, type SqlValue } from '../../query/sql-value.memory';
import { copyOut, liveDocs, predicateOf, type MemoryContext } from './memory.context';

/**
 * aggregate.sqlite.ts over documents: groups by each field's JSON value (missing and null are one
 * group; true, 1 and "1" are three), ordered by the fields' values; sum/avg count numbers only
 * (sum of nothing is 0, avg/min/max of nothing null); min/max compare as SQLite does.
 */
export function aggregate(ctx: MemoryContext, options: AggregateOptions): AggregateRow[] {
  const q = normalizeAggregate(options);
  const match = predicateOf(ctx, q.filter);
  const docs = liveDocs(ctx).filter(match);
  const groups = new Map<string, Doc[]>();
  for (const d of docs) {
    const key = JSON.stringify(q.groupBy.map((f) => groupValue(d, f)));
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  if (q.groupBy.length === 0 && groups.size === 0) groups.set('[]', []);
  const sorted = [...groups.values()].sort((a, b) => {
    for (const f of q.groupBy) {
      const c = compareSql(sortValueOf(a[0], f), sortValueOf(b[0], f));
      if (c !== 0) return c;
    }
    return 0;
  });
  return sorted.map((rows) => {
    const out: AggregateRow = {};
    for (const f of q.groupBy) out[f] = copyOut(groupValue(rows[0], f));
    for (const m of q.metrics) out[m.as] = metric(m.op, m.field, rows);
    return out;
  });
}

function groupValue(doc: Doc, field: string): unknown {
  if (isSystemField(field)) return doc[field];
  const v = jsonAt(doc, field);
  return jsonTypeOf(v) === null ? null : v;
}

/** `CASE WHEN json_type(...) IN ('integer', 'real') THEN … END`; of the system fields only version is a number. */
function numbers(rows: Doc[], field: string): number[] {
  const out: number[] = [];
  for (const d of rows) {
    if (isSystemField(field)) {
      if (field === 'version' && typeof d.version === 'number') out.push(d.version);
      continue;
    }
    const v = jsonAt(d, field);
    const t = jsonTypeOf(v);
    if (t === 'integer' || t === 'real') out.push(v as number);
  }
  return out;
}

/**
 * SQLite's SUM: exact over integers, Kahan-Babuska-Neumaier compensated over reals (3.43+), so
 * the memory store's totals match the server's to the last bit.
 */
export function sqlSum(values: number[]): number {
  if (values.every(Number.isInteger)) return values.reduce((a, b) => a + b, 0);
  let sum = 0;
  let err = 0;
  for (const x of values) {
    const t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) err += sum - t + x;
    else err += x - t + sum;
    sum = t;
  }
  return sum + err;
}

function metric(op: string, field: string | null, rows: Doc[]): unknown {
  switch (op) {
    case 'count':
      return rows.length;
    case 'sum':
      return sqlSum(numbers(rows, field!));
    case 'avg': {
      const v = numbers(rows, field!);
      return v.length ? sqlSum(v) / v.length : null;
    }
    default: {
      let best: SqlValue = null;
      for (const d of rows) {
        const v = sortValueOf(d, field!);
        if (v === null) continue;
        if (best === null || (op === 'min' ? compareSql(v, best) < 0 : compareSql(v, best) > 0)) best = v;
      }
      return best;
    }
  }
}
