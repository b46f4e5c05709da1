import { addRollups as addRollupsOf, type Entity, type Field, type RollupScope } from '@tessera/core';
import type { Store, StoredDoc } from '@tessera/core/store';
import { evaluate, type ExpressionBudget } from '@tessera/core/expressions';
import { recordCollectionName } from '../platform/storage-plan';

type ComputedField = Extract<Field, { type: 'computed' }>;

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

export type { RollupScope } from '@tessera/core';

/**
 * Rollups for a page of records: one grouped aggregate query per rollup field for the whole page
 * (not one per record). With `scope`, only the rows the reader may read are aggregated, so a
 * rep's "contacts" count is of their own contacts, never revealing how many others have.
 */
export async function addRollups(
  store: Store,
  appId: string,
  entity: Entity,
  records: StoredDoc[],
  scope?: RollupScope,
): Promise<StoredDoc[]> {
  return addRollupsOf((id) => store.collection(recordCollectionName(appId, id)), entity, records, scope);
}
