import type { AppDefinition, Entity } from '@tessera/core';
import type { Doc, LogEntry, Store, StoredDoc, UpdateOptions } from '@tessera/core/store';
import type { RecordChange } from '../platform/live/change-feed.port';
import { recordEntry } from '../platform/live/log.change-entry';
import type { Caller } from '../platform/policy/policy.types';
import { writeAudit, type AuditAction } from '../platform/audit/audit-log';
import { recordCollectionName } from '../platform/storage-plan';
import type { CommitCause, CommitSubscribers, CommittedBatch } from './commit-subscribers';
import { checkFence } from '../platform/publishing/write-fences';

/**
 * A record change as the log keeps it (topic `record`, in the shape every feed reads back, see
 * platform/live/log.change-entry.ts), with why it was made, for consumers that skip migrations.
 */
export type LoggedRecordChange = RecordChange & { cause: CommitCause };

/** Whose records, written by whom and why. */
export interface CommitContext {
  appId: string;
  definition: AppDefinition;
  /** null: Tessera itself (a publish's migration); audit entries then name no user. */
  caller: Caller | null;
  cause: CommitCause;
  /** Computed fields and rollups for `CommittedBatch.records()`; without it the records are given as stored. */
  enrich?: (entity: Entity, docs: StoredDoc[]) => Promise<StoredDoc[]>;
}

/**
 * Record writes inside a commit's transaction. Each write is one change: commit adds its audit
 * entry and its change log entry. `tx` is the transaction itself, for reads and for writes that
 * are not records (an import job's progress).
 */
export interface RecordWrites {
  readonly tx: Store;
  insert(entity: Entity, doc: Doc): Promise<StoredDoc>;
  /** Records that keep their id, version and timestamps (moving to a renamed entity). */
  insertKept(entity: Entity, docs: StoredDoc[]): Promise<void>;
  /** `before` is the record as read in this transaction. */
  update(entity: Entity, before: StoredDoc, patch: Doc, options?: UpdateOptions): Promise<StoredDoc>;
  replace(entity: Entity, before: StoredDoc, doc: Doc, options?: UpdateOptions): Promise<StoredDoc>;
  delete(entity: Entity, before: StoredDoc, options?: UpdateOptions): Promise<void>;
}

export interface Committed<T> {
  value: T;
  batch: CommittedBatch;
}

/**
 * The one way records are written: `write` makes the changes through `RecordWrites`, and in the
 * same store transaction commit adds one audit entry per change (an update that changed no stored
 * field leaves none, as always) and one change log entry per changed record. All of it commits,
 * or none of it. After the commit the subscribers get the batch (not when nothing changed);
 * see commit-subscribers.ts.
 */
export type Commit = <T>(ctx: CommitContext, write: (w: RecordWrites) => Promise<T>) => Promise<Committed<T>>;

/** A commit bound to one context, returning what `write` returns (a publish's migration writes many batches under one). */
export type BoundCommit = <T>(write: (w: RecordWrites) => Promise<T>) => Promise<T>;

const AUDIT_ACTION: Record<RecordChange['type'], AuditAction> = { created: 'create', updated: 'update', deleted: 'delete' };

/** Appends a transaction's record changes to the change log, inside it; returns their entries (same order). */
export type CommitLog = (tx: Store, changes: LoggedRecordChange[]) => Promise<LogEntry[]>;

/** The log entries as any reader decodes them (platform/live/log.change-entry.ts). */
export const appendToLog: CommitLog = (tx, changes) => tx.log.append(changes.map((c) => recordEntry(c)));

/**
 * `owner`: this process's id in write fences (its own publishes' moves do not refuse its writes:
 * its gate holds them). `log`: how changes go into the change log; the platform lets its live
 * feed append them (tagged as its own, so it delivers them after the commit without reading them
 * back, see platform.ts).
 */
export function createCommit(store: Store, subscribers: CommitSubscribers, owner: string, log: CommitLog = appendToLog): Commit {
  return async (ctx, write) => {
    const { value, written, entries } = await store.transaction(async (tx) => {
      const written: Array<{ entity: Entity; change: RecordChange }> = [];
      const value = await write(recordWrites(tx, ctx.appId, written));
      // In the same transaction: a move another process started cannot slip in between check and commit.
      if (ctx.cause !== 'migration' && written.length) await checkFence(tx, ctx.appId, new Set(written.map((w) => w.entity.id)), owner);
      for (const { entity, change } of written) {
        const deleted = change.type === 'deleted';
        await writeAudit(tx, {
          appId: ctx.appId,
          entity,
          recordId: change.id,
          action: AUDIT_ACTION[change.type],
          caller: ctx.caller,
          before: deleted ? change.record : (change.before ?? null),
          after: deleted ? null : change.record,
        });
      }
      const logged = written.map(({ change }): LoggedRecordChange => ({ ...change, cause: ctx.cause }));
      return { value, written, entries: logged.length ? await log(tx, logged) : [] };
    });
    const batch = committedBatch(ctx, written, entries);
    if (written.length) await subscribers.notify(batch);
    return { value, batch };
  };
}

function recordWrites(tx: Store, appId: string, written: Array<{ entity: Entity; change: RecordChange }>): RecordWrites {
  const coll = (entity: Entity) => tx.collection(recordCollectionName(appId, entity.id));
  const changed = (entity: Entity, type: RecordChange['type'], record: StoredDoc, before?: StoredDoc) => {
    written.push({
      entity,
      change: { appId, type, entity: entity.id, id: record.id, version: record.version, record, ...(before ? { before } : {}) },
    });
    return record;
  };
  return {
    tx,
    insert: async (entity, doc) => changed(entity, 'created', await coll(entity).insert(doc)),
    async insertKept(entity, docs) {
      if (!docs.length) return;
      await coll(entity).insertMany(docs, { keepSystemFields: true });
      for (const doc of docs) changed(entity, 'created', doc);
    },
    update: async (entity, before, patch, options) =>
      changed(entity, 'updated', await coll(entity).update(before.id, patch, options), before),
    replace: async (entity, before, doc, options) =>
      changed(entity, 'updated', await coll(entity).replace(before.id, doc, options), before),
    async delete(entity, before, options) {
      await coll(entity).delete(before.id, options);
      changed(entity, 'deleted', before);
    },
  };
}

function committedBatch(ctx: CommitContext, written: Array<{ entity: Entity; change: RecordChange }>, entries: LogEntry[]): CommittedBatch {
  let records: Promise<StoredDoc[]> | undefined;
  const enrichAll = async () => {
    const out = written.map(({ change }) => change.record);
    if (!ctx.enrich) return out;
    // One enrich call per entity (rollups are one grouped query per page of records).
    const byEntity = new Map<Entity, number[]>();
    written.forEach(({ entity, change }, i) => {
      if (change.type === 'deleted') return;
      const at = byEntity.get(entity);
      if (at) at.push(i);
      else byEntity.set(entity, [i]);
    });
    for (const [entity, at] of byEntity) {
      const enriched = await ctx.enrich(
        entity,
        at.map((i) => out[i]),
      );
      at.forEach((i, k) => (out[i] = enriched[k]));
    }
    return out;
  };
  return {
    appId: ctx.appId,
    definition: ctx.definition,
    caller: ctx.caller,
    cause: ctx.cause,
    changes: written.map((w) => w.change),
    entries,
    records: () => (records ??= enrichAll()),
  };
}
