import type { Entity, Field } from '@tessera/core';
import type { Store, StoredDoc, Filter } from '@tessera/core/store';
import { evaluate, type ExpressionBudget } from '@tessera/core/expressions';
import { recordCollectionName } from '../platform/storage-plan';

type ComputedField = Extract<Field, { type: 'computed' }>;
type RollupField = Extract<Field, { type: 'rollup' }>;

/**
 * Computed fields and rollups are evaluated on read, never stored. Computed fields run in
 * declaration order, so one may use another declared before it. An expression that fails yields
 * null for that field rather than failing the whole read; the error is reported once per field.
 * `budget` bounds the work of all computed fields of one request (a list, an export).
 */
export async function addComputedFields(
  entity: Entity,
  record: StoredDoc,
  onError?: (field: string, err: unknown) => void,
  budget?: ExpressionBudget,
): Promise<StoredDoc> {
  const computed = entity.fields.filter((f): f is ComputedField => f.type === 'computed');
  if (computed.length === 0) return record;
  const out: StoredDoc = { ...record };
  for (const field of computed) {
    try {
      out[field.id] = await evaluate(field.expression.$expr, { input: out, budget });
    } catch (err) {
      out[field.id] = null;
      onError?.(field.id, err);
    }
  }
  return out;
}

/** The rows of a rolled-up entity that count for the reader (undefined: all of them). */
export type RollupScope = (entityId: string) => Filter | undefined;

/**
 * Rollups for a page of records: one grouped aggregate query per rollup field for the whole page
 * (not one per record). With `scope`, only the rows the reader may read are aggregated, so a
 * rep's "contacts" count is of their own contacts, never revealing how many others have.
 */
export async function addRollups(store: Store, appId: string, entity: Entity, records: StoredDoc[], scope?: RollupScope): Promise<StoredDoc[]> {
  const rollups = entity.fields.filter((f): f is RollupField => f.type === 'rollup');
  if (rollups.length === 0 || records.length === 0) return records;
  const ids = records.map((r) => r.id);
  const values = new Map<string, Map<string, unknown>>();
  for (const rollup of rollups) {
    const rows = scope?.(rollup.entity);
    const parts: Filter[] = [{ [rollup.via]: { $in: ids } }, ...(rollup.filter ? [rollup.filter as Filter] : []), ...(rows ? [rows] : [])];
    const combined: Filter = parts.length === 1 ? parts[0] : { $and: parts };
    const groups = await store.collection(recordCollectionName(appId, rollup.entity)).aggregate({
      filter: combined,
      groupBy: [rollup.via],
      metrics: [{ op: rollup.aggregate, field: rollup.aggregate === 'count' ? undefined : rollup.field, as: 'value' }],
    });
    const byId = new Map<string, unknown>(groups.map((row) => [String(row[rollup.via]), row.value]));
    values.set(rollup.id, byId);
  }
  return records.map((record) => {
    const out: StoredDoc = { ...record };
    for (const rollup of rollups) {
      const v = values.get(rollup.id)?.get(record.id);
      out[rollup.id] = v ?? (rollup.aggregate === 'count' || rollup.aggregate === 'sum' ? 0 : null);
    }
    return out;
  });
}
