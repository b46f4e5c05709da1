/** What the server does around storage, for the demo port: defaults on create, computed and rollups on read. */
import type { Entity, Field } from '@tessera/core';
import { isExpression } from '@tessera/core/expressions';
import { evaluate } from '../expressions/expression.evaluate';
import type { RecordData } from './data-port';
import { aggregateDocs, matches } from './memory-query';

type Rollup = Extract<Field, { type: 'rollup' }>;
type Computed = Extract<Field, { type: 'computed' }>;

export async function applyDefaults(entity: Entity, values: Record<string, unknown>, user: unknown): Promise<Record<string, unknown>> {
  const out = { ...values };
  for (const f of entity.fields) {
    const def = (f as { default?: unknown }).default;
    if (def === undefined || out[f.id] !== undefined) continue;
    try {
      out[f.id] = isExpression(def) ? await evaluate(def.$expr, { record: { user }, user }) : def; // time comes from $now(), as on the server
    } catch {
      // a failing default leaves the field empty, as on the server
    }
  }
  return out;
}

export async function readRecord(entity: Entity, record: RecordData, store: Map<string, RecordData[]>): Promise<RecordData> {
  const out: RecordData = { ...record };
  for (const f of entity.fields) {
    if (f.type === 'rollup') {
      const r = f as Rollup;
      const related = (store.get(r.entity) ?? []).filter((x) => {
        const via = x[r.via];
        return (Array.isArray(via) ? via.includes(record.id) : via === record.id) && matches(x, r.filter as Record<string, unknown>);
      });
      out[f.id] = aggregateDocs(related, [], [{ op: r.aggregate ?? 'count', field: r.field, as: 'v' }])[0]?.v ?? (r.aggregate === 'count' || !r.aggregate ? 0 : null);
    }
  }
  for (const f of entity.fields) {
    if (f.type !== 'computed') continue;
    try {
      out[f.id] = await evaluate((f as Computed).expression.$expr, { record: out });
    } catch {
      out[f.id] = null; // like the server: a failing formula reads as null
    }
  }
  return out;
}
