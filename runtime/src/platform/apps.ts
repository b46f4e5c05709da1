import { expressionLimitProblems, validateDefinition, type AppDefinition, type ConnectorResolver } from '@tessera/core';
import { composeRenames, entityIdsOf, reconcileRenames, renamesToPublish, sameRename } from '@tessera/core/renames';
import type { Store, StoredDoc } from '@tessera/core/store';
import type { AppDraft, AppSummary, RenameEntry, RenameReport, VersionDetail, VersionInfo } from '@tessera/core/wire';
import { UniqueViolationError, VersionConflictError } from '@tessera/core/store';
import { Conflict, Invalid, NotFound, PreconditionFailed, ValidationFailed } from '../domain-errors';
import { APP_REVISIONS, APP_VERSIONS, APPS } from './platform-collections';
import type { Commit } from '../records/commit';
import { dropAppStorage, countAppRecords } from './storage-migration';
import type { Jobs } from '../jobs';
import { checkUniqueIndexes } from './publishing/index-check';
import { Publishing, type PublishPayload } from './publishing/publish.job';
import type { WriteGate } from './publishing/write-gate';
import { parseRenames } from './renames/renames.input';
import { checkRenames } from './renames/renames.check';

const APP_ID = /^[a-z][a-z0-9-]{1,62}$/;

export type { AppDraft, AppSummary, VersionInfo };

export interface Published {
  version: number;
  definition: AppDefinition;
}

/** The rename log saved with the draft (composed on save; absent on apps saved before there was one). */
const storedLog = (doc: StoredDoc): RenameEntry[] => (Array.isArray(doc.renames) ? (doc.renames as RenameEntry[]) : []);

function summary(doc: StoredDoc): AppSummary {
  return {
    id: doc.id,
    name: (doc.name as string) ?? doc.id,
    revision: doc.revision as number,
    publishedVersion: (doc.publishedVersion as number | null) ?? null,
    updatedAt: doc.updatedAt,
    publishedAt: (doc.publishedAt as string | null) ?? null,
  };
}

/** A draft must at least be an object naming its app; everything else is the validator's job. */
function checkDraftShape(draft: unknown, appId?: string): Record<string, unknown> {
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft)) {
    throw new Invalid('an app definition must be a JSON object', [{ pointer: '', message: 'must be an object' }]);
  }
  const id = (draft as { id?: unknown }).id;
  if (typeof id !== 'string' || !APP_ID.test(id)) {
    throw new Invalid('the definition needs an "id": lowercase letters, digits and hyphens, 2-63 characters, starting with a letter', [
      { pointer: '/id', message: 'must be an app id like "b2b-sales"' },
    ]);
  }
  if (appId !== undefined && id !== appId) {
    throw new Invalid(`the definition's id "${id}" does not match the app "${appId}"`, [{ pointer: '/id', message: `must be "${appId}"` }]);
  }
  return draft as Record<string, unknown>;
}

/**
 * App drafts (every save kept as a numbered revision), immutable numbered published versions,
 * rollback, deletion. Publishing migrates storage before the version becomes visible.
 */
export class Apps {
  /** Published definitions, re-read from the store at most once per `refreshMs` (other processes may publish). */
  private readonly published = new Map<string, { value: Published | null; checkedAt: number }>();

  constructor(
    private readonly store: Store,
    /** How a publish's migration writes records (backfills, renames): see records/commit.ts. */
    private readonly commit: Commit,
    private readonly options: {
      refreshMs?: number;
      /** Called after a version is committed (the live stream tells open pages to reload). */
      onPublished?: (appId: string, version: number) => void;
      /** Called after an app is deleted, to remove what hangs off it (memberships, views, audit). */
      onDeleted?: (appId: string) => Promise<void>;
      /** The installed connectors: connections and bound operations are checked against them. */
      connectors?: { resolve: ConnectorResolver; refresh(): Promise<void> };
    },
    /** Publishes run as durable jobs; their data moves fence writes at `gate`. */
    jobs: Jobs,
    gate: WriteGate,
  ) {
    this.publishing = new Publishing({
      store,
      jobs,
      gate,
      commit,
      definitionOf: async (appId, version) => (await this.version(appId, version)).definition,
      record: (p, migrated, jobId) => this.recordVersion(p, migrated, jobId),
      publishedAt: async (appId) => ((await this.apps().get(appId))?.publishedAt as string | null) ?? null,
    });
  }

  readonly publishing: Publishing<VersionInfo>;

  private apps() {
    return this.store.collection(APPS);
  }

  async list(): Promise<AppSummary[]> {
    const page = await this.apps().find({ sort: [{ field: 'name', dir: 'asc' }], limit: 1000 });
    return page.items.map(summary);
  }

  private async appDoc(appId: string): Promise<StoredDoc> {
    const doc = APP_ID.test(appId) ? await this.apps().get(appId) : null;
    if (!doc) throw new NotFound(`no app "${appId}"`);
    return doc;
  }

  async get(appId: string): Promise<AppDraft> {
    const doc = await this.appDoc(appId);
    const draft = doc.draft as Record<string, unknown>;
    const result = validateDefinition(draft, { connectors: this.options.connectors?.resolve });
    const renames = reconcileRenames(storedLog(doc), entityIdsOf(draft));
    const published = await this.getPublished(appId);
    return {
      ...summary(doc),
      draft,
      issues: result.ok ? [] : result.errors,
      renames,
      renamesToPublish: renamesToPublish(renames, published?.definition ?? null),
    };
  }

  async create(input: unknown, userId: string | null): Promise<AppDraft> {
    const draft = checkDraftShape(input);
    const appId = draft.id as string;
    try {
      await this.store.transaction(async (tx) => {
        await tx.collection(APPS).insert({ id: appId, name: nameOf(draft), draft, revision: 1, publishedVersion: null, publishedAt: null });
        await tx.collection(APP_REVISIONS).insert({ appId, revision: 1, definition: draft, savedBy: userId });
      });
    } catch (err) {
      if (err instanceof UniqueViolationError) throw new Conflict(`an app "${appId}" already exists`);
      throw err;
    }
    return this.get(appId);
  }

  /**
   * Saves a new draft revision. `expectedRevision` (from If-Match) makes concurrent editors
   * conflict instead of overwrite. `renames` (the renames since the last publish, in the order
   * made) replaces the stored rename log, composed; without it the stored log is kept.
   */
  async saveDraft(
    appId: string,
    input: unknown,
    opts: { expectedRevision?: number; userId: string | null; renames?: RenameEntry[] },
  ): Promise<AppDraft> {
    const draft = checkDraftShape(input, appId);
    const doc = await this.appDoc(appId);
    const current = doc.revision as number;
    if (opts.expectedRevision !== undefined && opts.expectedRevision !== current) {
      throw new PreconditionFailed(
        `the draft was changed by someone else (revision ${current}, you edited ${opts.expectedRevision}); reload it`,
        {
          details: { currentRevision: current },
        },
      );
    }
    const revision = current + 1;
    try {
      await this.store.transaction(async (tx) => {
        const log = opts.renames !== undefined ? { renames: composeRenames(opts.renames) } : {};
        await tx.collection(APPS).update(appId, { draft, name: nameOf(draft), revision, ...log }, { expectedVersion: doc.version });
        await tx.collection(APP_REVISIONS).insert({ appId, revision, definition: draft, savedBy: opts.userId });
      });
    } catch (err) {
      if (err instanceof VersionConflictError || err instanceof UniqueViolationError) {
        throw new PreconditionFailed('the draft was changed by someone else at the same time; reload it');
      }
      throw err;
    }
    return this.get(appId);
  }

  async history(appId: string): Promise<Array<{ revision: number; savedAt: string; savedBy: string | null }>> {
    await this.appDoc(appId);
    const page = await this.store
      .collection(APP_REVISIONS)
      .find({ filter: { appId }, sort: [{ field: 'revision', dir: 'desc' }], limit: 1000 });
    return page.items.map((d) => ({ revision: d.revision as number, savedAt: d.createdAt, savedBy: (d.savedBy as string) ?? null }));
  }

  async revision(appId: string, revision: number): Promise<Record<string, unknown>> {
    const page = await this.store.collection(APP_REVISIONS).find({ filter: { appId, revision }, limit: 1 });
    if (!page.items[0]) throw new NotFound(`app "${appId}" has no revision ${revision}`);
    return page.items[0].definition as Record<string, unknown>;
  }

  /**
   * Validates the draft and the renames and checks every new unique constraint against the data
   * (a refusal changes nothing), then runs the publish as a durable job (publishing/publish.job.ts):
   * storage migration in batches, then an immutable numbered version. The renames are those of
   * the draft's rename log whose old ids are in the published version (`renamesToPublish`),
   * unless `renames` are given (a rollback's inverse ones). A failure before the version is
   * recorded leaves the previous one published; publishing again finishes the move; a publish cut
   * short by a crash is finished by the restarted process (or by the next publish of the app,
   * first). The published version is the new base: the log empties.
   */
  async publish(
    appId: string,
    opts: { note?: unknown; userId: string | null; definition?: unknown; renames?: unknown },
  ): Promise<VersionInfo> {
    const explicit = opts.renames !== undefined ? parseRenames(opts.renames) : undefined;
    const source = opts.definition ?? (await this.appDoc(appId)).draft;
    // Another process may have installed a connector the definition uses.
    await this.options.connectors?.refresh();
    const result = validateDefinition(source, { connectors: this.options.connectors?.resolve });
    if (!result.ok)
      throw new ValidationFailed(
        `the definition of "${appId}" has ${result.errors.length} error(s); fix them before publishing`,
        result.errors,
      );
    const definition = result.definition;
    if (definition.id !== appId) throw new Invalid(`the definition's id "${definition.id}" does not match the app "${appId}"`);
    // Computed fields run on every read, defaults on every create: one that cannot stay within the expression limits is refused here, not failing everywhere.
    const runaway = await expressionLimitProblems(definition);
    if (runaway.length)
      throw new ValidationFailed(
        `the definition of "${appId}" has ${runaway.length} expression(s) that cannot run within their limits`,
        runaway,
      );

    const finished = await this.publishing.finishInterrupted(appId);
    // The same publish sent again after a crash: the job just finished did it.
    if (
      finished &&
      sameJson(finished.payload.definition, definition) &&
      (explicit === undefined || sameJson(finished.payload.renames, explicit))
    ) {
      return finished.version;
    }
    const doc = await this.appDoc(appId);
    const previous = await this.getPublished(appId, { fresh: true });
    const log = storedLog(doc);
    const renames = explicit ?? renamesToPublish(reconcileRenames(log, definition), previous?.definition ?? null);
    const plan = checkRenames(renames, previous, definition);
    await checkUniqueIndexes(this.store, definition, previous?.definition ?? null, plan);
    const payload: PublishPayload = {
      appId,
      definition,
      previousVersion: previous?.version ?? null,
      plan,
      renames,
      consumedRenames: log,
      note: typeof opts.note === 'string' ? opts.note.slice(0, 2000) : '',
      userId: opts.userId,
      revision: doc.revision as number,
    };
    return this.publishing.run(payload);
  }

  /** The last step of a publish job: the version row and the app's pointer to it, once per job. */
  private async recordVersion(p: PublishPayload, migrated: RenameReport, jobId: string): Promise<VersionInfo> {
    const { appId, definition } = p;
    const recorded = await this.store.collection(APP_VERSIONS).find({ filter: { appId, jobId }, limit: 1 });
    if (recorded.items[0]) return toVersionInfo(recorded.items[0]); // resumed after a crash that came after this step
    const version = (p.previousVersion ?? 0) + 1;
    let saved: StoredDoc;
    try {
      saved = await this.store.transaction(async (tx) => {
        const row = await tx.collection(APP_VERSIONS).insert({
          appId,
          number: version,
          definition,
          note: p.note,
          publishedBy: p.userId,
          revision: p.revision,
          jobId,
          ...(p.renames.length ? { migrated } : {}),
        });
        // A save since `doc` was read keeps the entries this publish did not consume.
        const now = await tx.collection(APPS).get(appId);
        const left =
          !now || now.revision === p.revision ? [] : storedLog(now).filter((r) => !p.consumedRenames.some((c) => sameRename(c, r)));
        await tx.collection(APPS).update(appId, { publishedVersion: version, publishedAt: row.createdAt, renames: left });
        return row;
      });
    } catch (err) {
      if (err instanceof UniqueViolationError)
        throw new Conflict(`version ${version} of "${appId}" was just published by someone else; try again`);
      throw err;
    }
    this.published.set(appId, { value: { version, definition }, checkedAt: Date.now() });
    this.options.onPublished?.(appId, version);
    return toVersionInfo(saved);
  }

  async versions(appId: string): Promise<VersionInfo[]> {
    await this.appDoc(appId);
    const page = await this.store
      .collection(APP_VERSIONS)
      .find({ filter: { appId }, sort: [{ field: 'number', dir: 'desc' }], limit: 1000 });
    return page.items.map(toVersionInfo);
  }

  async version(appId: string, version: number): Promise<VersionDetail> {
    const page = await this.store.collection(APP_VERSIONS).find({ filter: { appId, number: version }, limit: 1 });
    const row = page.items[0];
    if (!row) throw new NotFound(`app "${appId}" has no published version ${version}`);
    return { ...toVersionInfo(row), definition: row.definition as AppDefinition };
  }

  /**
   * Rolling back publishes a copy of an older version as a new version, and makes it the draft too.
   * Data moved by renames since then stays under the new ids unless `renames` (the inverse ones,
   * checked like a publish's) moves it back; they are checked before the draft is replaced.
   */
  async rollback(appId: string, version: number, userId: string | null, renames?: unknown): Promise<VersionInfo> {
    const old = await this.version(appId, version);
    checkRenames(parseRenames(renames), await this.getPublished(appId, { fresh: true }), old.definition);
    const draft = await this.get(appId);
    // The draft's log was relative to the draft being replaced: the rollback's own renames are explicit.
    await this.saveDraft(appId, old.definition, { expectedRevision: draft.revision, userId, renames: [] });
    return this.publish(appId, { note: `Rollback to version ${version}`, userId, renames: renames ?? [] });
  }

  /** Refuses to delete an app whose records exist unless `force` (then its records are dropped too). */
  async delete(appId: string, force: boolean): Promise<void> {
    await this.appDoc(appId);
    const counts = await countAppRecords(this.store, appId);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total > 0 && !force) {
      throw new Conflict(`app "${appId}" has ${total} record(s); delete with ?force=true to remove the app and its data`, {
        details: { records: counts },
      });
    }
    await dropAppStorage(this.store, appId);
    const revisions = this.store.collection(APP_REVISIONS);
    const versions = this.store.collection(APP_VERSIONS);
    await this.store.transaction(async (tx) => {
      for (const coll of [revisions, versions]) {
        for (;;) {
          const page = await tx.collection(coll.name).find({ filter: { appId }, limit: 500 });
          if (!page.items.length) break;
          for (const item of page.items) await tx.collection(coll.name).delete(item.id);
        }
      }
      await tx.collection(APPS).delete(appId);
    });
    this.published.delete(appId);
    await this.options.onDeleted?.(appId);
  }

  /** The definition the runtime serves for an app, or null when it was never published. */
  async getPublished(appId: string, opts: { fresh?: boolean } = {}): Promise<Published | null> {
    const cached = this.published.get(appId);
    const refreshMs = this.options.refreshMs ?? 1000;
    if (cached && !opts.fresh && Date.now() - cached.checkedAt < refreshMs) return cached.value;
    const doc = APP_ID.test(appId) ? await this.apps().get(appId) : null;
    const versionNo = (doc?.publishedVersion as number | null) ?? null;
    let value: Published | null = null;
    if (versionNo !== null) {
      value =
        cached?.value?.version === versionNo
          ? cached.value
          : { version: versionNo, definition: (await this.version(appId, versionNo)).definition };
    }
    this.published.set(appId, { value, checkedAt: Date.now() });
    return value;
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function nameOf(draft: Record<string, unknown>): string {
  return typeof draft.name === 'string' ? draft.name.slice(0, 200) : String(draft.id);
}

function toVersionInfo(row: StoredDoc): VersionInfo {
  return {
    version: row.number as number,
    note: (row.note as string) ?? '',
    publishedAt: row.createdAt,
    publishedBy: (row.publishedBy as string) ?? null,
    revision: row.revision as number,
    ...(row.migrated ? { migrated: row.migrated as RenameReport } : {}),
  };
}
