/**
 * Checks every unique constraint a publish adds against the data it will apply to, before any
 * index is changed: a refused publish (409) then leaves storage exactly as it was. (Applying
 * entity by entity, a later entity's refused index would come after an earlier entity's
 * indexes were already dropped or added.) The data is read where it is now: a renamed entity's
 * records are still in the old collection, a renamed field's values under the old key.
 */
import type { AppDefinition } from '@tessera/core';
import type { CollectionSpec, Store } from '@tessera/core/store';
import { Conflict } from '../../domain-errors';
import type { RenamePlan } from '../renames/renames.check';
import { renamedDefinition } from '../renames/renames.migrate';
import { collectionSpecFor, recordCollectionName } from '../storage-plan';

/** The unique constraints of a spec, each as its sorted field list. */
function uniques(spec: CollectionSpec | null): string[][] {
  if (!spec) return [];
  return [
    ...spec.fields.filter((f) => f.unique).map((f) => [f.name]),
    ...(spec.indexes ?? []).filter((i) => i.unique).map((i) => [...i.fields]),
  ];
}
const keyOf = (fields: string[]) => [...fields].sort().join('\n');

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
    const known = new Set(uniques(had ? collectionSpecFor(next.id, had) : null).map(keyOf));
    const added = uniques(collectionSpecFor(next.id, entity)).filter((u) => !known.has(keyOf(u)));
    if (!added.length) continue;
    // Where the records are before the move, and what their fields are called there.
    const oldEntity = plan.entities.find((r) => r.to === entity.id)?.from;
    const oldField = new Map(plan.fields.filter((r) => r.entity === entity.id).map((r) => [r.to, r.from]));
    const candidates = [recordCollectionName(next.id, entity.id), ...(oldEntity ? [recordCollectionName(next.id, oldEntity)] : [])].filter(
      (n) => existing.has(n),
    );
    for (const fields of added) {
      for (const name of candidates) {
        // A field's values may still be under either key while a move is unfinished; the move keeps the new key's.
        const stored = fields.map((f) => oldField.get(f) ?? f);
        for (const groupBy of [stored, fields].filter((g, i, all) => i === 0 || keyOf(g) !== keyOf(all[0]))) {
          const rows = await store.collection(name).aggregate({ groupBy, metrics: [{ op: 'count', as: 'n' }] });
          // As in the unique indexes, a record missing one of the values clashes with none.
          const clash = rows.find((r) => (r.n as number) > 1 && groupBy.every((g) => r[g] !== null && r[g] !== undefined));
          if (clash) {
            const values = groupBy.map((g) => JSON.stringify(clash[g])).join(' + ');
            throw new Conflict(
              `"${entity.id}" cannot get a unique ${fields.join(' + ')}: ${clash.n as number} records have ${values}; nothing was changed`,
              { details: { entity: entity.id, fields } },
            );
          }
        }
      }
    }
  }
}
