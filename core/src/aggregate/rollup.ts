import type { Entity, RollupField } from '../generated/app-definition';
import type { AggregateOptions, AggregateRow, Collection, Filter } from '../store/store.port';

/**
 * Rollup fields, evaluated on read by the server (record enrichment) and by the browser's demo
 * data alike: one grouped aggregate per rollup field for a whole page of records, and one rule for
 * a record no related row points at: count and sum are 0, avg/min/max null.
 */

/** The rolled-up value of a record with no related rows. */
export function emptyRollupValue(aggregate: RollupField['aggregate']): 0 | null {
  return aggregate === 'count' || aggregate === 'sum' ? 0 : null;
}

/** The aggregate that computes `rollup` for the records `ids`, within `scope` (the rows the reader may read). */
export function rollupQuery(rollup: RollupField, ids: string[], scope?: Filter): AggregateOptions {
  const parts: Filter[] = [{ [rollup.via]: { $in: ids } }, ...(rollup.filter ? [rollup.filter as Filter] : []), ...(scope ? [scope] : [])];
  return {
    filter: parts.length === 1 ? parts[0] : { $and: parts },
    groupBy: [rollup.via],
    metrics: [{ op: rollup.aggregate, field: rollup.aggregate === 'count' ? undefined : rollup.field, as: 'value' }],
  };
}

/** The value for each record id, from the rows of `rollupQuery`. */
export function rollupValues(rollup: RollupField, rows: AggregateRow[]): (id: string) => unknown {
  const byId = new Map<string, unknown>(rows.map((row) => [String(row[rollup.via]), row.value]));
  return (id) => byId.get(id) ?? emptyRollupValue(rollup.aggregate);
}

/** Which rows of a rolled-up entity count for the reader (undefined: all of them). */
export type RollupScope = (entityId: string) => Filter | undefined;

/** `records` with every rollup field of `entity` filled in; `collectionOf` names the store collection of an entity. */
export async function addRollups<T extends { id: string }>(
  collectionOf: (entityId: string) => Collection,
  entity: Pick<Entity, 'fields'>,
  records: T[],
  scope?: RollupScope,
): Promise<T[]> {
  const rollups = entity.fields.filter((f): f is RollupField => f.type === 'rollup');
  if (rollups.length === 0 || records.length === 0) return records;
  const ids = records.map((r) => r.id);
  const values = new Map<string, (id: string) => unknown>();
  for (const rollup of rollups) {
    const rows = await collectionOf(rollup.entity).aggregate(rollupQuery(rollup, ids, scope?.(rollup.entity)));
    values.set(rollup.id, rollupValues(rollup, rows));
  }
  return records.map((record) => {
    const out: Record<string, unknown> = { ...record };
    for (const rollup of rollups) out[rollup.id] = values.get(rollup.id)!(record.id);
    return out as T;
  });
}
