/**
 * An in-memory DataPort with generated records: what the builder's preview and the renderer's
 * tests run against. It runs on @tessera/core's memory Store adapter, so filters, sorts, paging,
 * aggregates, date buckets, rollups, unique fields (409) and versions (412) are the server's; the
 * same record validator gives 422 with pointers; every change sends a live event.
 */
import type { AppDefinition, Entity } from '@tessera/core';
import { aggregateByBucket, applyDefaults, createRecordValidator, DefaultFailedError } from '@tessera/core';
import { memoryFilter, sortDocs } from '@tessera/core/query';
import type { Filter as StoreFilter } from '@tessera/core/store';
import { ApiError } from './api-error';
import type { AuditEntry, DataPort, ImportJob, LiveEvent, LiveListener, RecordData, RuntimeInfo, SavedView } from './data-port';
import { parseCsvRecords, recordsToCsv } from './demo-csv';
import { asApiErrors, createDemoStore } from './demo-store';

export interface DemoDataPortOptions {
  /** Records per entity (default 24). */
  count?: number | Record<string, number>;
  /** Artificial latency in ms, to see loading states (default 0). */
  latencyMs?: number;
  user?: { id: string; email: string; name?: string };
  /**
   * Connector operations in the preview: what they are and how to call them (the builder calls
   * the server's "Try it" on the draft). Without them, components bound to one show a notice.
   */
  connectors?: { operations: NonNullable<RuntimeInfo['operations']>; call: DataPort['callOperation'] };
}

export interface DemoDataPort extends DataPort {
  /** The stored records of an entity (tests inspect and tweak them). */
  records(entity: string): RecordData[];
}

export function createDemoDataPort(definition: AppDefinition, seed = 1, options: DemoDataPortOptions = {}): DemoDataPort {
  const user = options.user ?? { id: 'demo', email: 'demo@example.com', name: 'Demo User' };
  const countOf = (e: Entity) => (typeof options.count === 'number' ? options.count : (options.count?.[e.id] ?? 24));
  const store = createDemoStore(definition, seed, countOf);
  const audits = new Map<string, AuditEntry[]>();
  const listeners = new Set<LiveListener>();
  const views = new Map<string, SavedView>();
  const jobs = new Map<string, ImportJob>();
  let seq = 0;

  const delay = () => new Promise<void>((r) => setTimeout(r, options.latencyMs ?? 0));
  const entityOf = (id: string): Entity => {
    const e = definition.entities?.find((x) => x.id === id);
    if (!e) throw new ApiError(404, 'Not found', `unknown entity "${id}"`);
    return e;
  };
  const find = async (entity: Entity, id: string) => {
    const r = await (await store.collection(entity)).get(id);
    if (!r) throw new ApiError(404, 'Not found', `no ${entity.id} ${id}`);
    return r;
  };
  const read = (entity: Entity, r: RecordData, rollups?: boolean) => store.read(entity, r, rollups);
  const emit = (e: LiveEvent) => queueMicrotask(() => listeners.forEach((l) => l(e)));
  const audit = (entity: string, id: string, action: AuditEntry['action'], changes: AuditEntry['changes']) => {
    const list = audits.get(`${entity}/${id}`) ?? [];
    list.unshift({ id: `au_${++seq}`, at: new Date().toISOString(), action, user, changes });
    audits.set(`${entity}/${id}`, list);
  };

  function check(entity: Entity, values: Record<string, unknown>, mode: 'create' | 'update') {
    const result = createRecordValidator(entity, mode)(values);
    if (!result.ok) throw new ApiError(422, 'Validation failed', 'the record is not valid', result.errors);
  }

  async function list(entityId: string, q: Parameters<DataPort['list']>[1] = {}) {
    await delay();
    const entity = entityOf(entityId);
    const coll = await store.collection(entity);
    const filter = q.filter as StoreFilter | undefined;
    const page = await asApiErrors(entity, () => coll.find({ filter, sort: q.sort, limit: q.limit, cursor: q.cursor }));
    const total = q.count ? await asApiErrors(entity, () => coll.count(filter)) : undefined;
    return {
      items: await Promise.all(page.items.map((r) => read(entity, r, q.rollups !== false))),
      nextCursor: page.nextCursor,
      ...(total !== undefined ? { total } : {}),
    };
  }

  const port: DemoDataPort = {
    records: (entity) => store.records(entity),
    async runtime() {
      await delay();
      const all = { create: true, read: true, update: true, delete: true, rows: 'all' as const, hidden: [], readonly: [] };
      return {
        app: { id: definition.id, name: definition.name, version: 1, locales: definition.locales ?? ['en'] },
        definition,
        user,
        roles: [],
        permissions: Object.fromEntries((definition.entities ?? []).map((e) => [e.id, all])),
        operations: options.connectors?.operations ?? {},
      };
    },
    async callOperation(connection, operation, request) {
      if (!options.connectors)
        throw new ApiError(
          409,
          'Connection not set up',
          'connector data shows in the published app, or in the builder once the connection is set up',
        );
      return options.connectors.call(connection, operation, request);
    },
    list,
    async get(entity, id) {
      await delay();
      const e = entityOf(entity);
      return read(e, await find(e, id));
    },
    async create(entityId, values) {
      await delay();
      const entity = entityOf(entityId);
      // As the server: a default expression that fails refuses the record (422), it is not left empty.
      const withDefaults = (await applyDefaults(entity, values, { user: { id: user.id, email: user.email } }).catch((err) => {
        if (err instanceof DefaultFailedError) throw new ApiError(422, 'Validation failed', err.message, [err.issue]);
        throw err;
      })) as Record<string, unknown>;
      check(entity, withDefaults, 'create');
      const coll = await store.collection(entity);
      const record = await asApiErrors(entity, () => coll.insert({ ...withDefaults, createdBy: user.email }));
      store.stored(entityId, record, true);
      audit(
        entityId,
        record.id,
        'create',
        Object.entries(withDefaults).map(([field, to]) => ({ field, from: null, to })),
      );
      const out = await read(entity, record);
      emit({ kind: 'change', type: 'created', entity: entityId, id: record.id, version: 1, record: out });
      return out;
    },
    async update(entityId, id, patch, version) {
      await delay();
      const entity = entityOf(entityId);
      const current = await find(entity, id);
      if (version !== undefined && version !== current.version)
        throw new ApiError(412, 'Precondition failed', `the record is at version ${current.version}`);
      check(entity, patch, 'update');
      const changes = Object.entries(patch)
        .filter(([k, v]) => JSON.stringify(current[k]) !== JSON.stringify(v))
        .map(([field, to]) => ({ field, from: current[field] ?? null, to }));
      const coll = await store.collection(entity);
      const next = await asApiErrors(entity, () => coll.update(id, patch, { expectedVersion: current.version }));
      store.stored(entityId, next);
      audit(entityId, id, 'update', changes);
      const out = await read(entity, next);
      emit({ kind: 'change', type: 'updated', entity: entityId, id, version: next.version, record: out });
      return out;
    },
    async remove(entityId, id, version) {
      await delay();
      const entity = entityOf(entityId);
      const current = await find(entity, id);
      if (version !== undefined && version !== current.version)
        throw new ApiError(412, 'Precondition failed', `the record is at version ${current.version}`);
      const coll = await store.collection(entity);
      await asApiErrors(entity, () => coll.delete(id, { expectedVersion: current.version }));
      store.removed(entityId, id);
      audit(entityId, id, 'delete', []);
      emit({ kind: 'change', type: 'deleted', entity: entityId, id, version: current.version + 1 });
    },
    async aggregate(entityId, q) {
      await delay();
      const entity = entityOf(entityId);
      const coll = await store.collection(entity);
      const options = { filter: q.filter as StoreFilter | undefined, groupBy: q.groupBy ?? [], metrics: q.metrics };
      const rows = await asApiErrors(entity, () =>
        q.bucket ? aggregateByBucket((o) => coll.aggregate(o), { ...options, bucket: q.bucket }) : coll.aggregate(options),
      );
      return { rows };
    },
    async audit(entity, id, p = {}) {
      await delay();
      const all = audits.get(`${entity}/${id}`) ?? [];
      const start = p.cursor ? Number(p.cursor) : 0;
      const limit = p.limit ?? 20;
      return { items: all.slice(start, start + limit), nextCursor: start + limit < all.length ? String(start + limit) : null };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async importCsv(entityId, csv) {
      const entity = entityOf(entityId);
      const text = typeof csv === 'string' ? csv : await csv.text();
      const parsed = parseCsvRecords(entity, text);
      const job: ImportJob = {
        id: `job_${++seq}`,
        entity: entityId,
        status: 'running',
        total: parsed.length,
        processed: 0,
        created: 0,
        failed: 0,
        errors: [],
      };
      jobs.set(job.id, job);
      // Rows are created in the background in small steps, so the dialog's progress bar moves.
      void (async () => {
        for (const row of parsed) {
          try {
            await port.create(entityId, row.values);
            job.created++;
          } catch (err) {
            job.failed++;
            const issues = err instanceof ApiError && err.errors.length ? err.errors : [{ pointer: '', message: (err as Error).message }];
            for (const i of issues)
              if (job.errors.length < 1000)
                job.errors.push({ line: row.line, field: i.pointer.split('/')[1] || undefined, message: i.message });
          }
          job.processed++;
        }
        job.status = 'done';
      })();
      return { jobId: job.id };
    },
    async importStatus(jobId) {
      await delay();
      const job = jobs.get(jobId);
      if (!job) throw new ApiError(404, 'Not found', `no import ${jobId}`);
      return { ...job, errors: [...job.errors] };
    },
    exportUrl(entityId, q = {}) {
      const entity = entityOf(entityId);
      // Synchronous by the port's contract: the copy of the stored records, with the store's semantics.
      const match = memoryFilter(q.filter as StoreFilter | undefined);
      const docs = sortDocs(store.records(entityId).filter(match), q.sort);
      const csv = recordsToCsv(docs, q.fields ?? ['id', ...entity.fields.map((f) => f.id)]);
      return typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function' && typeof Blob !== 'undefined'
        ? URL.createObjectURL(new Blob([csv], { type: 'text/csv' }))
        : `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
    },
    views: {
      list: async (component) => [...views.values()].filter((v) => v.component === component),
      create: async (view) => {
        const saved = { ...view, id: `view_${++seq}` };
        views.set(saved.id, saved);
        return saved;
      },
      update: async (id, view) => {
        const saved = { ...view, id };
        views.set(id, saved);
        return saved;
      },
      remove: async (id) => void views.delete(id),
    },
  };
  return port;
}
