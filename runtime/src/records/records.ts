import { addComputedFields, createRecordValidator, getFieldType, type AppDefinition, type Entity } from '@tessera/core';
import type { Doc, FindOptions, Page, Store, StoredDoc } from '@tessera/core/store';
import { Forbidden, NotFound, Unavailable, ValidationFailed } from '../domain-errors';
import type { Quarantine } from '../platform/quarantine';
import type { Apps } from '../platform/apps';
import { ensureEntityStorage } from '../platform/storage-plan';
import type { Action } from '../platform/policy/policy.types';
import { policyFor } from '../platform/policy/effective-permissions.policy';
import { andFilters, inScope, rowScopeFilter } from '../platform/policy/row-scope.policy';
import { visibleRecord } from '../platform/policy/visible-record.policy';
import type { Commit, CommitContext, RecordWrites } from './commit';
import type { CommitCause } from './commit-subscribers';
import { createBudget } from '@tessera/core/expressions';
import { addRollups } from './enrichment';
import { assertOwnerInScope, assertWritable, prepareCreate } from './write-checks';
import { checkRelations, relationIssues, withRelationIssues } from './relation-checks';
import { queryErrors, writeErrors } from './store-errors';
import { deleteWithRelations } from './delete-relations';
import { allow, readableBy, rollupScope, type RecordScope, type Target } from './scope';

export type { RecordScope, Target } from './scope';

/**
 * The records of published apps: permissions (entity, row, field), validation against the
 * entity, defaults, relation integrity, computed fields and rollups, optimistic concurrency.
 * Every write goes through `commit` (audit entry and change log entry in the same transaction,
 * then the commit subscribers). Transport-agnostic: routes call it, it throws domain errors.
 */
export class Records {
  constructor(
    readonly store: Store,
    private readonly apps: Apps,
    private readonly commit: Commit,
    private readonly log: { warn: (obj: object, msg: string) => void } = console,
    /** App versions whose storage could not be brought up to date at start: their records are not served. */
    private readonly quarantine?: Quarantine,
  ) {}

  /** Resolved once per published definition: every request of the records API starts here. */
  private readonly targets = new WeakMap<AppDefinition, Map<string, Target>>();

  async target(appId: string, entityId: string): Promise<Target> {
    const published = await this.apps.getPublished(appId);
    if (!published) throw new NotFound(`app "${appId}" does not exist or is not published`);
    const { definition } = published;
    const quarantined = this.quarantine?.reasonFor(appId, published.version);
    if (quarantined)
      throw new Unavailable(`app "${appId}" is not served: ${quarantined}; a builder can fix it in the builder and publish again`, {
        details: { retryAfter: 60 },
      });
    let byEntity = this.targets.get(definition);
    if (!byEntity) this.targets.set(definition, (byEntity = new Map()));
    let target = byEntity.get(entityId);
    if (!target) {
      const entity = definition.entities.find((e) => e.id === entityId);
      if (!entity) throw new NotFound(`app "${appId}" has no entity "${entityId}"`);
      // Publishing migrates storage; ensuring again here (a no-op when nothing changed) brings data
      // written by an older Tessera in line with what this one derives from the definition.
      const collection = await ensureEntityStorage(this.store, appId, entity, (message) =>
        this.log.warn({ appId, entity: entityId }, message),
      );
      target = { definition, entity, collection };
      byEntity.set(entityId, target);
    }
    return target;
  }

  async scope(appId: string, entityId: string, caller: RecordScope['caller']): Promise<RecordScope> {
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

  /** Out-of-scope records are NotFound exactly like missing ones: their existence is not revealed. */
  async get(s: RecordScope, id: string): Promise<StoredDoc> {
    allow(s, 'read');
    const doc = await s.target.collection.get(id);
    if (!doc || !inScope(doc, s.policy, s.caller)) throw new NotFound(`${s.target.entity.id} "${id}" does not exist`);
    return visibleRecord((await this.enrich(s.target, [doc], true, s))[0], s.policy);
  }

  async create(s: RecordScope, body: unknown): Promise<StoredDoc> {
    allow(s, 'create');
    const { entity } = s.target;
    const links = (doc: Doc) => relationIssues(this.store, s.appId, entity, doc, readableBy(s));
    const input = await prepareCreate(entity, body, s.policy, s.caller).catch(async (err) => {
      throw await withRelationIssues(err, links, body);
    });
    await checkRelations(this.store, s.appId, entity, input, readableBy(s));
    const { value, batch } = await writeErrors(entity, () =>
      this.commit(this.context(s, 'write'), (w) => w.insert(entity, { ...input, createdBy: s.caller.user.id })),
    );
    return this.reply(s, value, async () => (await batch.records())[0]);
  }

  /**
   * Inserts prepared documents (see prepareCreate) in one commit: all or none. For the CSV
   * import; a unique violation rolls the whole batch back. `alsoInTx` writes in the same
   * transaction (the import job's progress).
   */
  async insertBatch(s: RecordScope, docs: Doc[], alsoInTx?: (tx: Store) => Promise<void>): Promise<StoredDoc[]> {
    const { value } = await this.commit(this.context(s, 'import'), async (w) => {
      const out: StoredDoc[] = [];
      for (const input of docs) out.push(await w.insert(s.target.entity, { ...input, createdBy: s.caller.user.id }));
      await alsoInTx?.(w.tx);
      return out;
    });
    return value;
  }

  async update(s: RecordScope, id: string, body: unknown, expectedVersion?: number): Promise<StoredDoc> {
    allow(s, 'update');
    const { entity } = s.target;
    assertWritable(body, s.policy, entity.id);
    // A record outside the caller's rows is missing before anything else is looked at: checking its
    // links first would tell a made-up link (422) from its real one (404) and so reveal it.
    const before = await s.target.collection.get(id);
    this.assertReachable(s, before, id, 'update');
    const links = (doc: Doc) => relationIssues(this.store, s.appId, entity, doc, readableBy(s), before);
    const checked = createRecordValidator(entity, 'update')(body);
    if (!checked.ok)
      throw await withRelationIssues(new ValidationFailed(`the ${entity.id} change is not valid`, checked.errors), links, body);
    await checkRelations(this.store, s.appId, entity, body as Doc, readableBy(s), before);
    const { value, batch } = await writeErrors(entity, () =>
      this.commit(this.context(s, 'write'), async (w: RecordWrites) => {
        const current = await w.tx.collection(s.target.collection.name).get(id);
        this.assertReachable(s, current, id, 'update');
        assertOwnerInScope(body as Doc, s.policy, s.caller, 'update');
        return w.update(entity, current, body as Doc, { expectedVersion });
      }),
    );
    return this.reply(s, value, async () => (await batch.records())[0]);
  }

  /** Applies each relation's `onDelete` (restrict by default) to records that point here, atomically with the delete. */
  async delete(s: RecordScope, id: string, expectedVersion?: number): Promise<void> {
    allow(s, 'delete');
    const current = await s.target.collection.get(id);
    this.assertReachable(s, current, id, 'delete');
    await writeErrors(s.target.entity, () => this.commit(this.context(s, 'write'), (w) => deleteWithRelations(w, s, id, expectedVersion)));
  }

  /** `reader`: rollups count only the rows they may read; without one, all rows (the change feed). */
  async enrich(t: Pick<Target, 'definition' | 'entity'>, docs: StoredDoc[], rollups = true, reader?: RecordScope): Promise<StoredDoc[]> {
    if (!hasDerivedFields(t.entity)) return docs; // the common case: nothing to evaluate
    const withRollups = rollups ? await addRollups(this.store, t.definition.id, t.entity, docs, reader && rollupScope(reader)) : docs;
    const budget = createBudget(); // one page of computed fields is one execution: its total work is bounded
    return Promise.all(
      withRollups.map((d) =>
        addComputedFields(t.entity, d, {
          budget,
          onError: (field, err) =>
            this.log.warn({ app: t.definition.id, entity: t.entity.id, field, err: String(err) }, 'computed field failed'),
        }),
      ),
    );
  }

  private context(s: RecordScope, cause: CommitCause): CommitContext {
    const { definition } = s.target;
    return { appId: s.appId, definition, caller: s.caller, cause, enrich: (entity, docs) => this.enrich({ definition, entity }, docs) };
  }

  /**
   * The writer's reply: the record enriched over every row (`CommittedBatch.records()`, shared
   * with the commit subscribers) when the writer's rollups count the same rows, else over theirs.
   */
  private async reply(s: RecordScope, doc: StoredDoc, forAll: () => Promise<StoredDoc>): Promise<StoredDoc> {
    const partial = s.policy.liveHidden.size > s.policy.hidden.size;
    return visibleRecord(partial ? (await this.enrich(s.target, [doc], true, s))[0] : await forAll(), s.policy);
  }

  /** NotFound when the caller cannot see the record, Forbidden when they see it but may not do this to it. */
  private assertReachable(s: RecordScope, doc: StoredDoc | null, id: string, action: Action): asserts doc is StoredDoc {
    if (!doc || !inScope(doc, s.policy, s.caller, 'read')) throw new NotFound(`${s.target.entity.id} "${id}" does not exist`);
    if (!inScope(doc, s.policy, s.caller, action)) throw new Forbidden(`you may not ${action} this ${s.target.entity.id}`);
  }
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
