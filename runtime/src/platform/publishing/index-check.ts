/**
 * Checks every unique constraint a publish adds against the data it will apply to, before any
 * index is changed: a refused publish (409) then leaves storage exactly as it was. (Applying
 * entity by entity, a later entity's refused index would come after an earlier entity's
 * indexes were already dropped or added.) The data is read where it is now: a renamed entity's
 * records are still in the old collection, a renamed field's values under the old key.
 */
import type { AppDefinition } from '@tessera/core';
import type { CollectionSpec, Store } from '@tessera/core/store';
import { foldCase } from '@tessera/core/store/shared';
import { Conflict } from '../../domain-errors';
import type { RenamePlan } from '../renames/renames.check';
import { renamedDefinition } from '../renames/renames.migrate';
import { collectionSpecFor, recordCollectionName } from '../storage-plan';

interface Unique {
  fields: string[];
  ignoreCase: boolean;
}

/** The unique constraints of a spec: each field list, and whether it ignores letter case. */
function uniques(spec: CollectionSpec | null): Unique[] {
  if (!spec) return [];
  return [
    ...spec.fields.filter((f) => f.unique).map((f) => ({ fields: [f.name], ignoreCase: !!f.ignoreCase })),
    ...(spec.indexes ?? []).filter((i) => i.unique).map((i) => ({ fields: [...i.fields], ignoreCase: false })),
  ];
}
const keyOf = (fields: string[]) => [...fields].sort().join('\n');
/** A constraint that now ignores case is a new one: values unique as typed may clash once folded. */
const uniqueKey = (u: Unique) => `${keyOf(u.fields)}${u.ignoreCase ? '\ncase' : ''}`;

/** The first group of records that `u` would refuse, from the exact-value groups (folded here when it ignores case). */
function firstClash(rows: Array<Record<string, unknown>>, groupBy: string[], ignoreCase: boolean): Record<string, unknown> | undefined {
  // As in the unique indexes, a record missing one of the values clashes with none.
  const full = rows.filter((r) => groupBy.every((g) => r[g] !== null && r[g] !== undefined));
  if (!ignoreCase) return full.find((r) => (r.n as number) > 1);
  const folded = new Map<string, Record<string, unknown>>();
  for (const r of full) {
    const key = JSON.stringify(groupBy.map((g) => (typeof r[g] === 'string' ? foldCase(r[g]) : r[g])));
    const seen = folded.get(key);
    if (!seen) folded.set(key, { ...r });
    else seen.n = (seen.n as number) + (r.n as number);
  }
  return [...folded.values()].find((r) => (r.n as number) > 1);
}

export async function checkUniqueIndexes(
  store: Store,
  next: AppDefinition,
  previous: AppDefinition | null,
  plan: RenamePlan,
): Promise<void> {
  const before = previous && renamedDefinition(previous, plan);
  const existing = new Set(await store.listCollections());
  for (const entity of next.entities) {
    const had = before?.entities.find((e) => e.id === entity.id);
    const known = new Set(uniques(had ? collectionSpecFor(next.id, had) : null).map(uniqueKey));
    const added = uniques(collectionSpecFor(next.id, entity)).filter((u) => !known.has(uniqueKey(u)));
    if (!added.length) continue;
    // Where the records are before the move, and what their fields are called there.
    const oldEntity = plan.entities.find((r) => r.to === entity.id)?.from;
    const oldField = new Map(plan.fields.filter((r) => r.entity === entity.id).map((r) => [r.to, r.from]));
    const candidates = [recordCollectionName(next.id, entity.id), ...(oldEntity ? [recordCollectionName(next.id, oldEntity)] : [])].filter(
      (n) => existing.has(n),
    );
    for (const { fields, ignoreCase } of added) {
      for (const name of candidates) {
        // A field's values may still be under either key while a move is unfinished; the move keeps the new key's.
        const stored = fields.map((f) => oldField.get(f) ?? f);
        for (const groupBy of [stored, fields].filter((g, i, all) => i === 0 || keyOf(g) !== keyOf(all[0]))) {
          const rows = await store.collection(name).aggregate({ groupBy, metrics: [{ op: 'count', as: 'n' }] });
          const clash = firstClash(rows, groupBy, ignoreCase);
          if (clash) {
            const values = groupBy.map((g) => JSON.stringify(clash[g])).join(' + ');
            const how = ignoreCase ? ' (ignoring letter case)' : '';
            throw new Conflict(
              `"${entity.id}" cannot get a unique ${fields.join(' + ')}${how}: ${clash.n as number} records have ${values}${how}; nothing was changed`,
              { details: { entity: entity.id, fields } },
            );
          }
        }
      }
    }
  }
}
