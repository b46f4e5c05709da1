/**
 * Moves stored data for the renames of a publish, in batches of one transaction each. Every
 * batch takes records that still need moving and leaves them moved, so a crash loses nothing and
 * publishing again (the version is recorded only after the move) carries on where it stopped.
 */
import type { AppDefinition } from '@tessera/core';
import type { Doc, Store, StoredDoc } from '@tessera/core/store';
import { conflict } from '../../http/problem';
import { recordCollectionName } from '../storage-plan';
import type { RenamePlan } from './renames.check';
import type { RenameReport } from '@tessera/core/wire';
import type { EntityRename, FieldRename } from './renames.input';

/** What a publish moved, kept on the version record and returned by publish (views: renames.views.ts). */
export type { RenameReport };

export const RENAME_BATCH = 500;

export async function applyRenames(store: Store, appId: string, plan: RenamePlan): Promise<RenameReport> {
  const report: RenameReport = { entities: [], fields: [] };
  // Entities first: a field rename names its entity by the new id, whose collection then holds the records.
  for (const r of plan.entities) report.entities.push({ ...r, moved: await moveEntityRecords(store, appId, r) });
  for (const { oldEntity: _, ...r } of plan.fields) report.fields.push({ ...r, moved: await moveFieldValues(store, appId, r) });
  return report;
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

/** Records keep their id, version, timestamps and every field (createdBy, owner, relations). */
async function moveEntityRecords(store: Store, appId: string, r: EntityRename): Promise<number> {
  const fromName = recordCollectionName(appId, r.from);
  const toName = recordCollectionName(appId, r.to);
  if (!(await store.listCollections()).includes(fromName)) return 0; // moved completely by an earlier attempt
  let moved = 0;
  for (;;) {
    const page = await store.collection(fromName).find({ limit: RENAME_BATCH });
    if (page.items.length === 0) break;
    moved += await store.transaction(async (tx) => {
      const source = tx.collection(fromName);
      const target = tx.collection(toName);
      const copies: StoredDoc[] = [];
      for (const { id } of page.items) {
        const doc = await source.get(id);
        if (!doc) continue; // deleted since the page was read
        const there = await target.get(id);
        if (!there) copies.push(doc);
        else if (there.version !== doc.version || there.updatedAt !== doc.updatedAt) {
          throw conflict(`record "${id}" exists both in "${r.from}" and in "${r.to}"; nothing of this batch was moved`);
        }
        await source.delete(id);
      }
      await target.insertMany(copies, { keepSystemFields: true });
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
async function moveFieldValues(store: Store, appId: string, r: FieldRename): Promise<number> {
  const name = recordCollectionName(appId, r.entity);
  let moved = 0;
  for (;;) {
    // Each batch removes the old key from the records it read, so they stop matching.
    const page = await store.collection(name).find({ filter: { [r.from]: { $exists: true } }, limit: RENAME_BATCH });
    if (page.items.length === 0) break;
    moved += await store.transaction(async (tx) => {
      const c = tx.collection(name);
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
        await c.replace(id, fields, { expectedVersion: version });
      }
      return n;
    });
  }
  return moved;
}
