import { createRecordValidator, getFieldType, type AppDefinition, type Entity } from '@tessera/core';
import type { Collection, Doc, FindOptions, Page, Store, StoredDoc } from '@tessera/core/store';
import { forbidden, notFound, unprocessable } from '../http/problem';
import type { Apps } from './apps';
import { collectionSpecFor, recordCollectionName } from './storage-plan';
import { addComputedFields, addRollups, type RollupScope } from './record-enrichment';
import type { Action, Caller, EntityPolicy } from './policy/policy.types';
import { policyFor } from './policy/effective-permissions.policy';
import { andFilters, inScope, rowScopeFilter } from './policy/row-scope.policy';
import { visibleRecord } from './policy/visible-record.policy';
import { writeAudit } from './audit/audit-log';
import type { ChangeFeed } from './live/change-feed.port';
import { assertOwnerInScope, assertWritable, checkRelations, prepareCreate, type Readable } from './record-input';
import { queryErrors, writeErrors } from './record-errors';
import { deleteWithRelations } from './record-delete';

export interface Target {
  definition: AppDefinition;
  entity: Entity;
  collection: Collection;
}

/** One caller working on one entity: resolved once per request, passed to every method. */
export interface RecordScope {
  appId: string;
  target: Target;
  policy: EntityPolicy;
  caller: Caller;
}

/**
 * The records of published apps: permissions (entity, row, field), validation against the
 * entity, defaults, relation integrity, computed fields and rollups, optimistic concurrency, the
 * audit trail and the change feed's log (written in the same transaction as the change) and change
 * events (published after commit). HTTP-agnostic; routes call it.
 */
/** What the caller may read, for relation checks (see checkRelations). */
export function readableBy(s: RecordScope): Readable {
  return (entityId, doc) => {
    const target = s.target.definition.entities.find((e) => e.id === entityId);
    if (!target) return false;
    const perm = policyFor(s.target.definition, target, s.caller);
    return perm.read && inScope(doc, perm, s.caller);
  };
}

export class Records {
  constructor(
    readonly store: Store,
    private readonly apps: Apps,
    private readonly feed: ChangeFeed,
    private readonly log: { warn: (obj: object, msg: string) => void } = console,
  ) {}

  /** Resolved once per published definition: every request of the records API starts here. */
  private readonly targets = new WeakMap<AppDefinition, Map<string, Target>>();

  async target(appId: string, entityId: string): Promise<Target> {
    const published = await this.apps.getPublished(appId);
    if (!published) throw notFound(`app "${appId}" does not exist or is not published`);
    const { definition } = published;
    let byEntity = this.targets.get(definition);
    if (!byEntity) this.targets.set(definition, (byEntity = new Map()));
    let target = byEntity.get(entityId);
    if (!target) {
      const entity = definition.entities.find((e) => e.id === entityId);
      if (!entity) throw notFound(`app "${appId}" has no entity "${entityId}"`);
      // Publishing migrates storage; ensuring again here (a no-op when nothing changed) brings data
      // written by an older Tessera in line with what this one derives from the definition.
      target = { definition, entity, collection: await this.store.ensureCollection(collectionSpecFor(appId, entity)) };
      byEntity.set(entityId, target);
    }
    return target;
  }

  async scope(appId: string, entityId: string, caller: Caller): Promise<RecordScope> {
    const target = await this.target(appId, entityId);
    return { appId, target, caller, policy: policyFor(target.definition, target.entity, caller) };
  }

  /** The scope filter ANDed with the caller's filter. */
  scopedFilter(s: RecordScope, filter: FindOptions['filter'], action: Action = 'read'): FindOptions['filter'] {
    return andFilters(filter, rowScopeFilter(s.policy, s.caller, s.target.entity, s.caller.teamOwners, action));
  }

  /** `rollups: false` skips rollups (aggregates over other entities): lookups of related records' display names don't need them. */
  async list(s: RecordScope, options: FindOptions, opts: { rollups?: boolean } = {}): Promise<Page> {
    allow(s, 'read');
    const page = await queryErrors(() => s.target.collection.find({ ...options, filter: this.scopedFilter(s, options.filter) }));
    const items = await this.enrich(s.target, page.items, opts.rollups ?? true, s);
    return { items: s.policy.hidden.size ? items.map((d) => visibleRecord(d, s.policy)) : items, nextCursor: page.nextCursor };
  }

  /** With `limit`, counting stops there: see Collection.count. */
  async count(s: RecordScope, filter: FindOptions['filter'], limit?: number): Promise<number> {
    allow(s, 'read');
    return queryErrors(() => s.target.collection.count(this.scopedFilter(s, filter), { limit }));
  }

  /** Out-of-scope records answer 404 exactly like missing ones: their existence is not revealed. */
  async get(s: RecordScope, id: string): Promise<StoredDoc> {
    allow(s, 'read');
    const doc = await s.target.collection.get(id);
    if (!doc || !inScope(doc, s.policy, s.caller)) throw notFound(`${s.target.entity.id} "${id}" does not exist`);
    return visibleRecord((await this.enrich(s.target, [doc], true, s))[0], s.policy);
  }

  /**
   * A written record enriched twice when it must be: for the change feed over all rows (each
   * subscriber gets what their scope allows, see live-filter.ts) and for the writer's reply over
   * their rows. Once when the writer reads every row the rollups aggregate.
   */
  private async enrichWritten(s: RecordScope, doc: StoredDoc): Promise<{ feed: StoredDoc; reply: StoredDoc }> {
    const feed = (await this.enrich(s.target, [doc]))[0];
    const partial = s.policy.liveHidden.size > s.policy.hidden.size;
    return { feed, reply: visibleRecord(partial ? (await this.enrich(s.target, [doc], true, s))[0] : feed, s.policy) };
  }

  async create(s: RecordScope, body: unknown): Promise<StoredDoc> {
    allow(s, 'create');
    const { entity, definition } = s.target;
    const input = await prepareCreate(entity, body, s.policy, s.caller);
    await checkRelations(this.store, s.appId, entity, input, readableBy(s));
    const doc = await writeErrors(entity, () =>
      this.store.transaction(async (tx) => {
        const created = await tx.collection(s.target.collection.name).insert({ ...input, createdBy: s.caller.user.id });
        await writeAudit(tx, { appId: s.appId, entity, recordId: created.id, action: 'create', caller: s.caller, before: null, after: created });
        await this.feed.log(tx, [{ appId: s.appId, type: 'created', entity: entity.id, id: created.id, version: created.version, record: created }]);
        return created;
      }),
    );
    const { feed, reply } = await this.enrichWritten(s, doc);
    this.feed.publish({ appId: s.appId, kind: 'change', type: 'created', entity: entity.id, id: doc.id, version: doc.version, record: feed, definition });
    return reply;
  }

  /**
   * Inserts prepared documents (see prepareCreate) in one transaction with their audit entries:
   * all or none. For the CSV import; a unique violation rolls the whole batch back. `alsoInTx`
   * writes in the same transaction (the import job's progress).
   */
  async insertBatch(s: RecordScope, docs: Doc[], alsoInTx?: (tx: Store) => Promise<void>): Promise<StoredDoc[]> {
    const { entity, definition } = s.target;
    const created = await this.store.transaction(async (tx) => {
      const coll = tx.collection(s.target.collection.name);
      const out: StoredDoc[] = [];
      for (const input of docs) {
        const doc = await coll.insert({ ...input, createdBy: s.caller.user.id });
        await writeAudit(tx, { appId: s.appId, entity, recordId: doc.id, action: 'create', caller: s.caller, before: null, after: doc });
        out.push(doc);
      }
      await this.feed.log(tx, out.map((doc) => ({ appId: s.appId, type: 'created' as const, entity: entity.id, id: doc.id, version: doc.version, record: doc })));
      await alsoInTx?.(tx);
      return out;
    });
    for (const doc of await this.enrich(s.target, created)) {
      this.feed.publish({ appId: s.appId, kind: 'change', type: 'created', entity: entity.id, id: doc.id, version: doc.version, record: doc, definition });
    }
    return created;
  }

  async update(s: RecordScope, id: string, body: unknown, expectedVersion?: number): Promise<StoredDoc> {
    allow(s, 'update');
    const { entity, definition } = s.target;
    assertWritable(body, s.policy, entity.id);
    const checked = createRecordValidator(entity, 'update')(body);
    if (!checked.ok) throw unprocessable(`the ${entity.id} change is not valid`, checked.errors);
    await checkRelations(this.store, s.appId, entity, body as Doc, readableBy(s), await s.target.collection.get(id));
    const { before, doc } = await writeErrors(entity, () =>
      this.store.transaction(async (tx) => {
        const coll = tx.collection(s.target.collection.name);
        const current = await coll.get(id);
        this.assertReachable(s, current, id, 'update');
        assertOwnerInScope(body as Doc, s.policy, s.caller, 'update');
        const updated = await coll.update(id, body as Doc, { expectedVersion });
        await writeAudit(tx, { appId: s.appId, entity, recordId: id, action: 'update', caller: s.caller, before: current, after: updated });
        await this.feed.log(tx, [{ appId: s.appId, type: 'updated', entity: entity.id, id, version: updated.version, record: updated, before: current! }]);
        return { before: current!, doc: updated };
      }),
    );
    const { feed, reply } = await this.enrichWritten(s, doc);
    this.feed.publish({ appId: s.appId, kind: 'change', type: 'updated', entity: entity.id, id, version: doc.version, record: feed, before, definition });
    return reply;
  }

  /** Applies each relation's `onDelete` (restrict by default) to records that point here, atomically with the delete. */
  async delete(s: RecordScope, id: string, expectedVersion?: number): Promise<void> {
    allow(s, 'delete');
    const current = await s.target.collection.get(id);
    this.assertReachable(s, current, id, 'delete');
    const changes = await writeErrors(s.target.entity, () =>
      this.store.transaction(async (tx) => {
        const committed = await deleteWithRelations(tx, s, id, expectedVersion);
        await this.feed.log(tx, committed.map((c) => ({ ...c, appId: s.appId, version: c.record.version })));
        return committed;
      }),
    );
    for (const c of changes) this.feed.publish({ ...c, appId: s.appId, kind: 'change', version: c.record.version, definition: s.target.definition });
  }

  /** 404 when the caller cannot see the record, 403 when they see it but may not do this to it. */
  private assertReachable(s: RecordScope, doc: StoredDoc | null, id: string, action: Action): asserts doc is StoredDoc {
    if (!doc || !inScope(doc, s.policy, s.caller, 'read')) throw notFound(`${s.target.entity.id} "${id}" does not exist`);
    if (!inScope(doc, s.policy, s.caller, action)) throw forbidden(`you may not ${action} this ${s.target.entity.id}`);
  }

  /** `reader`: rollups count only the rows they may read; without one, all rows (the change feed). */
  async enrich(t: Target, docs: StoredDoc[], rollups = true, reader?: RecordScope): Promise<StoredDoc[]> {
    if (!hasDerivedFields(t.entity)) return docs; // the common case: nothing to evaluate
    const withRollups = rollups ? await addRollups(this.store, t.definition.id, t.entity, docs, reader && rollupScope(reader)) : docs;
    return Promise.all(
      withRollups.map((d) =>
        addComputedFields(t.entity, d, (field, err) => this.log.warn({ app: t.definition.id, entity: t.entity.id, field, err: String(err) }, 'computed field failed')),
      ),
    );
  }
}

/** The reader's rows of each rolled-up entity (none at all where they may not read it: the rollup is hidden then anyway). */
function rollupScope(s: RecordScope): RollupScope | undefined {
  if (s.caller.bypass) return undefined;
  return (entityId) => {
    const target = s.target.definition.entities.find((e) => e.id === entityId);
    if (!target) return { id: { $in: [] } };
    const perm = policyFor(s.target.definition, target, s.caller);
    return perm.read ? rowScopeFilter(perm, s.caller, target, s.caller.teamOwners) : { id: { $in: [] } };
  };
}

function allow(s: RecordScope, action: Action): void {
  if (!s.policy[action]) throw forbidden(`your role may not ${action} ${s.target.entity.id} records`);
}

const derived = new WeakMap<Entity, boolean>();

/** Whether an entity has computed or rollup fields (cached per definition object). */
function hasDerivedFields(entity: Entity): boolean {
  let has = derived.get(entity);
  if (has === undefined) {
    has = entity.fields.some((f) => !getFieldType(f.type).stored);
    derived.set(entity, has);
  }
  return has;
}
