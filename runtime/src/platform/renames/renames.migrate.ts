/**
 * Moves stored data for the renames of a publish, in batches of one commit each (records/commit.ts:
 * with audit entries, change log entries and the publish job's progress), the server answering
 * other requests between them. Every batch re-reads the records it takes in its transaction and
 * leaves them moved, so a crash loses nothing and the resumed publish job (or publishing again:
 * the version is recorded only after the move) carries on where it stopped. API writes to an
 * entity being moved wait at the write gate (publishing/write-gate.ts) and then go to the new
 * shape, so none lands in the old one.
 */
import type { AppDefinition, Entity } from '@tessera/core';
import type { Doc, StoredDoc } from '@tessera/core/store';
import { Conflict } from '../../domain-errors';
import type { MigrationBatches } from '../publishing/migration-batches';
import { recordCollectionName } from '../storage-plan';
import type { RenamePlan } from './renames.check';
import type { RenameReport } from '@tessera/core/wire';
import type { EntityRename, FieldRename } from './renames.input';

/** What a publish moved, kept on the version record and returned by publish (views: renames.views.ts). */
export type { RenameReport };

export const RENAME_BATCH = 500;

/** The definitions on either side of the publish (checkRenames has made sure every renamed id is in its one). */
export interface RenameSides {
  next: AppDefinition;
  previous: AppDefinition | null;
}

export async function applyRenames(batches: MigrationBatches, sides: RenameSides, plan: RenamePlan): Promise<RenameReport> {
  const report: RenameReport = { entities: [], fields: [] };
  const appId = sides.next.id;
  // Entities first: a field rename names its entity by the new id, whose collection then holds the records.
  for (const r of plan.entities) {
    const from = entityOf(sides.previous, r.from);
    report.entities.push({ ...r, moved: await moveEntityRecords(batches, appId, r, from, entityOf(sides.next, r.to)) });
  }
  for (const { oldEntity: _, ...r } of plan.fields)
    report.fields.push({ ...r, moved: await moveFieldValues(batches, appId, r, entityOf(sides.next, r.entity)) });
  return report;
}

function entityOf(definition: AppDefinition | null, id: string): Entity {
  const entity = definition?.entities.find((e) => e.id === id);
  if (!entity) throw new Error(`entity "${id}" is not in the definition the rename was checked against`);
  return entity;
}

/** The previous definition as if the renames had always been there (what is "new" in the next one). */
export function renamedDefinition(previous: AppDefinition, plan: RenamePlan): AppDefinition {
  const entityTo = new Map(plan.entities.map((r) => [r.from, r.to]));
  return {
    ...previous,
    entities: previous.entities.map((e) => {
      const fieldTo = new Map(plan.fields.filter((r) => r.oldEntity === e.id).map((r) => [r.from, r.to]));
      return { ...e, id: entityTo.get(e.id) ?? e.id, fields: e.fields.map((f) => ({ ...f, id: fieldTo.get(f.id) ?? f.id })) } as typeof e;
    }),
  };
}

/**
 * Records keep their id, version, timestamps and every field (createdBy, owner, relations). Each
 * moved record is two changes: deleted from the old entity, created in the new one, so a consumer
 * keyed by entity (a segment, a live page) drops it from one and finds it in the other.
 */
async function moveEntityRecords(batches: MigrationBatches, appId: string, r: EntityRename, from: Entity, to: Entity): Promise<number> {
  const { store } = batches;
  const fromName = recordCollectionName(appId, r.from);
  const toName = recordCollectionName(appId, r.to);
  if (!(await store.listCollections()).includes(fromName)) return 0; // moved completely by an earlier attempt
  let moved = 0;
  for (;;) {
    const page = await store.collection(fromName).find({ limit: RENAME_BATCH });
    if (page.items.length === 0) break;
    moved += await batches.batch(page.items.length, async (w) => {
      const source = w.tx.collection(fromName);
      const target = w.tx.collection(toName);
      const copies: StoredDoc[] = [];
      for (const { id } of page.items) {
        const doc = await source.get(id);
        if (!doc) continue; // deleted since the page was read
        const there = await target.get(id);
        if (!there) copies.push(doc);
        else if (there.version !== doc.version || there.updatedAt !== doc.updatedAt) {
          throw new Conflict(`record "${id}" exists both in "${r.from}" and in "${r.to}"; nothing of this batch was moved`);
        }
        await w.delete(from, doc);
      }
      await w.insertKept(to, copies);
      return copies.length;
    });
  }
  await store.dropCollection(fromName);
  return moved;
}

/**
 * The value moves from the old key to the new one; a record whose new key already holds a value
 * keeps it. `replace` (not `update`) so the old key is gone rather than hidden.
 */
async function moveFieldValues(batches: MigrationBatches, appId: string, r: FieldRename, entity: Entity): Promise<number> {
  const { store } = batches;
  const name = recordCollectionName(appId, r.entity);
  let moved = 0;
  for (;;) {
    // Each batch removes the old key from the records it read, so they stop matching.
    const page = await store.collection(name).find({ filter: { [r.from]: { $exists: true } }, limit: RENAME_BATCH });
    if (page.items.length === 0) break;
    moved += await batches.batch(page.items.length, async (w) => {
      const c = w.tx.collection(name);
      let n = 0;
      for (const { id } of page.items) {
        const doc = await c.get(id);
        if (!doc || !(r.from in doc)) continue;
        const { id: _i, version, createdAt: _c, updatedAt: _u, [r.from]: value, ...rest } = doc;
        const fields: Doc = rest;
        if (fields[r.to] === undefined || fields[r.to] === null) {
          fields[r.to] = value;
          n++;
        }
        await w.replace(entity, doc, fields, { expectedVersion: version });
      }
      return n;
    });
  }
  return moved;
}
