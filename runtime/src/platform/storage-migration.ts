import { defaultOf, defaultValue, type AppDefinition, type Entity } from '@tessera/core';
import type { Filter, Store } from '@tessera/core/store';
import { MIGRATION_BATCH, type MigrationBatches } from './publishing/migration-batches';
import { createClock } from '@tessera/core/expressions';
import { collectionSpecFor, ensureEntityStorage, recordCollectionName, storedFields } from './storage-plan';
import { EMPTY_PLAN, type RenamePlan } from './renames/renames.check';
import { applyRenames, renamedDefinition, type RenameReport } from './renames/renames.migrate';
import { renameInViews } from './renames/renames.views';
import type { Quarantine } from './quarantine';

/**
 * Brings storage in line with a definition about to be published: creates collections and
 * indexes (dropping indexes no longer declared), moves the data of renamed entities and fields
 * (renames/) and the saved views that name renamed fields, and fills fields that are new in this version and have a default into existing
 * records. Records are never deleted; an entity removed from the definition keeps its data, so a
 * rollback brings it back. Every step can run again after a crash without harm, and carries on
 * where it stopped. Records are written in batches (`batches`: one commit of the write pipeline
 * each, with audit entries, change log entries and the publish job's progress) by Tessera itself
 * (no caller), under the definition being published; the server answers other requests between
 * batches. Unique constraints are checked before anything changes (publishing/index-check.ts).
 */
export async function migrateAppStorage(
  batches: MigrationBatches,
  next: AppDefinition,
  previous: AppDefinition | null,
  renames: RenamePlan = EMPTY_PLAN,
): Promise<RenameReport> {
  const { store } = batches;
  for (const entity of next.entities) await store.ensureCollection(collectionSpecFor(next.id, entity));
  const report = await applyRenames(batches, { next, previous }, renames);
  if (renames.fields.length) report.views = await renameInViews(store, next, renames);
  // A renamed field is not new: it gets no default where the old one had no value.
  const before = previous && renamedDefinition(previous, renames);
  for (const entity of next.entities) {
    await backfillDefaults(batches, next.id, entity, before?.entities.find((e) => e.id === entity.id) ?? null);
  }
  return report;
}

async function backfillDefaults(batches: MigrationBatches, appId: string, entity: Entity, before: Entity | null): Promise<void> {
  if (!before) return; // a new entity has no records yet
  const { store } = batches;
  const known = new Set(before.fields.map((f) => f.id));
  const added = storedFields(entity).filter((f) => !known.has(f.id) && defaultOf(f) !== undefined);
  const collection = store.collection(recordCollectionName(appId, entity.id));
  // One instant for the whole backfill: every record gets the same `$now()`, as if created together.
  const clock = createClock();
  for (const field of added) {
    const value = await defaultValue(entity, field, { user: null, clock });
    // Each pass updates the records it found, so they stop matching; the loop ends when none is left.
    for (;;) {
      const page = await collection.find({ filter: { [field.id]: { $exists: false } }, limit: MIGRATION_BATCH });
      if (page.items.length === 0) break;
      await batches.batch(page.items.length, async (w) => {
        const c = w.tx.collection(collection.name);
        for (const { id } of page.items) {
          // Read again in this transaction, so the audit entry and the change say what changed; one
          // given a value since the page was read keeps it.
          const doc = await c.get(id);
          if (doc && (doc[field.id] ?? null) === null) await w.update(entity, doc, { [field.id]: value });
        }
      });
    }
  }
}

/** About how many records the data steps of a migration will touch: the publish job's progress total, counted when an attempt starts. */
export async function countMigrationWork(
  store: Store,
  next: AppDefinition,
  previous: AppDefinition | null,
  renames: RenamePlan,
): Promise<number> {
  const existing = new Set(await store.listCollections());
  const count = async (entityId: string, filter?: Filter) => {
    const name = recordCollectionName(next.id, entityId);
    return existing.has(name) ? store.collection(name).count(filter) : 0;
  };
  const oldIdOf = (entityId: string) => renames.entities.find((e) => e.to === entityId)?.from;
  let total = 0;
  for (const r of renames.entities) total += await count(r.from);
  // Until its entity is moved, a renamed field's records are in the old collection.
  for (const r of renames.fields)
    for (const id of new Set([r.entity, oldIdOf(r.entity) ?? r.entity])) total += await count(id, { [r.from]: { $exists: true } });
  const before = previous && renamedDefinition(previous, renames);
  for (const entity of next.entities) {
    const had = before?.entities.find((e) => e.id === entity.id);
    if (!had) continue;
    const known = new Set(had.fields.map((f) => f.id));
    const added = storedFields(entity).filter((f) => !known.has(f.id) && defaultOf(f) !== undefined);
    for (const f of added)
      total += (await count(entity.id, { [f.id]: { $exists: false } })) + (oldIdOf(entity.id) ? await count(oldIdOf(entity.id)!) : 0);
  }
  return total;
}

/** Every collection the app ever stored records in (entities removed from later versions included). */
async function appCollections(store: Store, appId: string): Promise<Array<{ entityId: string; name: string }>> {
  const prefix = recordCollectionName(appId, '');
  return (await store.listCollections()).filter((n) => n.startsWith(prefix)).map((name) => ({ entityId: name.slice(prefix.length), name }));
}

/** Record counts per entity id. */
export async function countAppRecords(store: Store, appId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { entityId, name } of await appCollections(store, appId)) counts[entityId] = await store.collection(name).count();
  return counts;
}

export async function dropAppStorage(store: Store, appId: string): Promise<void> {
  for (const { name } of await appCollections(store, appId)) await store.dropCollection(name);
}

/**
 * At startup, before the server listens: brings every published app's storage in line with what
 * this version of Tessera derives from its definition (new kinds of indexes, the search index).
 * A no-op when nothing changed; after an upgrade, building e.g. a search index over a million
 * records takes a while, which is better spent here (with a line on the console) than in the first
 * request, which would block every other one.
 */
export async function upgradeStorage(
  store: Store,
  apps: Array<{ definition: AppDefinition; version: number }>,
  print: (line: string) => void,
  quarantine: Quarantine,
): Promise<void> {
  for (const { definition, version } of apps) {
    const started = Date.now();
    try {
      for (const entity of definition.entities) await ensureEntityStorage(store, definition.id, entity, print);
    } catch (err) {
      // One app's storage must not keep the server from starting (and from serving the others).
      const reason = (err as Error).message;
      quarantine.add(definition.id, version, reason);
      print(`App "${definition.id}" (v${version}) is not served: ${reason}. Fix it in the builder and publish again.`);
      continue;
    }
    const ms = Date.now() - started;
    if (ms > 1000) print(`Brought the storage of "${definition.id}" up to date in ${(ms / 1000).toFixed(1)} s.`);
  }
}
