/**
 * The demo records in @tessera/core's memory Store adapter: the same filter, sort, paging,
 * aggregate, unique and version rules as the server's store, and rollups by the server's code.
 * Each entity's collection is seeded the first time it is used. A synchronous copy of each
 * collection is kept for what must answer at once (tests reading `records`, the CSV export).
 */
import type { AppDefinition, Entity } from '@tessera/core';
import { addComputedFields, addRollups, entityCollectionSpec } from '@tessera/core';
import {
  createMemoryStore,
  InvalidQueryError,
  NotFoundError,
  UniqueViolationError,
  VersionConflictError,
  type Collection,
  type StoredDoc,
} from '@tessera/core/store';
import { ApiError } from './api-error';
import type { RecordData } from './data-port';
import { generateDemoRecords } from './demo-records';

export interface DemoStore {
  /** The entity's collection, seeded on first use. */
  collection(entity: Entity): Promise<Collection>;
  /** The stored records of an entity as of the last write (newest created first). */
  records(entityId: string): RecordData[];
  /** Keeps the synchronous copy in step after a write. */
  stored(entityId: string, doc: StoredDoc, created?: boolean): void;
  removed(entityId: string, id: string): void;
  /** A stored record as the API returns it: rollups (unless `rollups` is false), then computed fields. */
  read(entity: Entity, record: RecordData, rollups?: boolean): Promise<RecordData>;
}

export function createDemoStore(definition: AppDefinition, seed: number, countOf: (e: Entity) => number): DemoStore {
  const store = createMemoryStore();
  const seeds = generateDemoRecords(definition, seed, countOf);
  const copies = new Map<string, RecordData[]>();
  const loading = new Map<string, Promise<Collection>>();
  const nameOf = (entityId: string) => `demo_${entityId}`;
  const entityOf = (id: string) => definition.entities?.find((e) => e.id === id);

  const records = (entityId: string) => {
    let list = copies.get(entityId);
    if (!list) copies.set(entityId, (list = [...(seeds.get(entityId) ?? [])]));
    return list;
  };

  const collection = (entity: Entity): Promise<Collection> => {
    let c = loading.get(entity.id);
    if (!c) {
      c = store.ensureCollection(entityCollectionSpec(nameOf(entity.id), entity)).then(async (coll) => {
        const list = records(entity.id);
        try {
          await coll.insertMany(list, { keepSystemFields: true });
        } catch (err) {
          if (!(err instanceof UniqueViolationError)) throw err;
          // Generated samples of a unique field may repeat: such a record is left out, as the server would refuse it.
          for (const r of [...list]) await coll.insertMany([r], { keepSystemFields: true }).catch(() => list.splice(list.indexOf(r), 1));
        }
        return coll;
      });
      loading.set(entity.id, c);
    }
    return c;
  };

  return {
    collection,
    records,
    stored(entityId, doc, created) {
      const list = records(entityId);
      const i = list.findIndex((r) => r.id === doc.id);
      if (i >= 0) list[i] = doc;
      else if (created) list.unshift(doc);
    },
    removed(entityId, id) {
      const list = records(entityId);
      const i = list.findIndex((r) => r.id === id);
      if (i >= 0) list.splice(i, 1);
    },
    async read(entity, record, rollups = true) {
      let out: RecordData = { ...record };
      if (rollups) {
        const targets = entity.fields.flatMap((f) => (f.type === 'rollup' ? [entityOf(f.entity)] : [])).filter((e): e is Entity => !!e);
        const ready = new Map(await Promise.all(targets.map(async (e) => [e.id, await collection(e)] as const)));
        const known = { ...entity, fields: entity.fields.filter((f) => f.type !== 'rollup' || ready.has(f.entity)) };
        [out] = await addRollups((id) => ready.get(id)!, known, [out]);
      }
      return addComputedFields(entity, out); // like the server: a failing formula is named in $errors
    },
  };
}

/** Store errors as the API answers them (record-errors.ts on the server). */
export async function asApiErrors<T>(entity: Entity, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof InvalidQueryError)
      throw new ApiError(400, 'Bad request', err.message, [{ pointer: err.path, message: err.message }]);
    if (err instanceof UniqueViolationError) {
      throw new ApiError(
        409,
        'Conflict',
        `another ${entity.id} already has this ${err.fields.join(' + ')}`,
        err.fields.map((f) => ({ pointer: `/${f}`, message: 'must be unique' })),
      );
    }
    if (err instanceof VersionConflictError) throw new ApiError(412, 'Precondition failed', `the record is at version ${err.actual}`);
    if (err instanceof NotFoundError) throw new ApiError(404, 'Not found', `no ${entity.id} ${err.id}`);
    throw err;
  }
}
