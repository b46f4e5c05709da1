/**
 * The write pipeline on a real server with its own SQLite file: every kind of record write
 * (create, update, delete with its cascade, a CSV import batch, a publish's backfill and rename
 * move) leaves, in the transaction that makes it, the data, its audit entries and exactly one
 * change log entry per changed record; a write that fails leaves none of the three; the commit
 * subscribers see each batch once it has committed.
 */
import type { LogEntry, StoredDoc } from '@tessera/core/store';
import { ADMIN, startTestServer, type TestServer } from '../../test/helpers/tessera';
import { AUDIT } from '../platform/platform-collections';
import { recordCollectionName } from '../platform/storage-plan';
import { RECORD_TOPIC } from '../platform/live/log.change-entry';
import type { LoggedRecordChange } from './commit';
import type { CommittedBatch } from './commit-subscribers';

const APP = 'pipeline';
const data = (entity: string) => `/api/apps/${APP}/data/${entity}`;
const NAME = { id: 'name', type: 'text', required: true };
const CODE = { id: 'code', type: 'text', unique: true };

function definition(companyFields: object[] = [NAME, CODE]) {
  return {
    schemaVersion: 1,
    id: APP,
    name: 'Pipeline',
    entities: [
      { id: 'company', label: 'Company', fields: companyFields },
      {
        id: 'contact',
        label: 'Contact',
        fields: [
          { id: 'name', type: 'text' },
          { id: 'company', type: 'relation', to: 'company', onDelete: 'cascade' },
        ],
      },
      {
        id: 'deal',
        label: 'Deal',
        fields: [
          { id: 'title', type: 'text' },
          { id: 'company', type: 'relation', to: 'company', onDelete: 'setNull' },
        ],
      },
    ],
  };
}

type Logged = LogEntry<LoggedRecordChange>;
interface Seen {
  batch: CommittedBatch;
  /** Each changed record as a reader outside the transaction saw it while the subscriber ran. */
  stored: Array<StoredDoc | null>;
  lastSeq: number;
}

let t: TestServer;
let adminKey: string;
let seen: Seen[] = [];
let mark = 0;

/** The record changes logged since the last call. */
async function logged(): Promise<Logged[]> {
  const entries = (await t.running.platform.store.log.read(mark, { topics: [RECORD_TOPIC] })) as Logged[];
  mark = await t.running.platform.store.log.lastSeq();
  return entries;
}
const changesOf = (entries: Logged[]) => entries.map((e) => [e.data.type, e.data.entity, e.data.id, e.data.version, e.data.cause]);
const auditOf = async (entity: string, recordId: string) =>
  (
    await t.running.platform.store
      .collection(AUDIT)
      .find({ filter: { appId: APP, entity, recordId }, sort: [{ field: 'at', dir: 'asc' }], limit: 100 })
  ).items;
const stored = (entity: string, id: string) => t.running.platform.store.collection(recordCollectionName(APP, entity)).get(id);
/** The batches the subscriber saw since the last call. */
function batches(): Seen[] {
  const out = seen;
  seen = [];
  return out;
}

async function create(entity: string, body: object): Promise<StoredDoc> {
  const res = await t.api('POST', data(entity), body);
  expect(res.status).toBe(201);
  return res.body;
}

async function publish(def: object, renames?: unknown[]): Promise<void> {
  const draft = await t.api('GET', `/api/apps/${APP}`);
  // Renames travel with the draft (the rename log saved on the server), as every client sends them.
  const body = renames ? { definition: def, renames } : def;
  expect((await t.api('PUT', `/api/apps/${APP}`, body, { 'if-match': `"${draft.body.revision}"` })).status).toBe(200);
  const res = await t.api('POST', `/api/apps/${APP}/publish`, {});
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  t = await startTestServer();
  const { platform } = t.running;
  platform.commitSubscribers.add('test', async (batch) => {
    const records = await Promise.all(batch.changes.map((c) => stored(c.entity, c.id)));
    seen.push({ batch, stored: records, lastSeq: await platform.store.log.lastSeq() });
  });
  const admin = await platform.accounts.findUserByEmail(ADMIN.email);
  adminKey = (await platform.accounts.createApiKey(admin!.id, 'pipeline')).key;
  expect((await t.api('POST', '/api/apps', definition())).status).toBe(201);
  expect((await t.api('POST', `/api/apps/${APP}/publish`, {})).status).toBe(201);
  await logged();
}, 60_000);
afterAll(() => t?.close());

describe('one write pipeline', () => {
  it('a create: the record, a create audit entry and one change, seen by subscribers after the commit', async () => {
    const acme = await create('company', { name: 'Acme', code: 'A1' });
    expect(changesOf(await logged())).toEqual([['created', 'company', acme.id, 1, 'write']]);
    const audit = await auditOf('company', acme.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', user: { email: ADMIN.email } });
    const [b] = batches();
    expect(b.batch).toMatchObject({ appId: APP, cause: 'write', changes: [{ type: 'created', entity: 'company', id: acme.id }] });
    // Committed when the subscriber ran: readable outside the transaction, and in the log.
    expect(b.stored[0]).toMatchObject({ id: acme.id, name: 'Acme' });
    expect(b.lastSeq).toBeGreaterThanOrEqual(b.batch.entries[0].seq);
  });

  it('an update: one change with the record before and after', async () => {
    const acme = await create('company', { name: 'Beta', code: 'B1' });
    await logged();
    batches();
    const res = await t.api('PATCH', `${data('company')}/${acme.id}`, { name: 'Beta Ltd' });
    expect(res.status).toBe(200);
    const [entry, ...more] = await logged();
    expect(more).toEqual([]);
    expect(entry.data).toMatchObject({
      type: 'updated',
      id: acme.id,
      version: 2,
      record: { name: 'Beta Ltd' },
      before: { name: 'Beta', version: 1 },
    });
    expect((await auditOf('company', acme.id)).map((a) => a.action)).toEqual(['create', 'update']);
    expect(batches().map((b) => b.batch.changes.length)).toEqual([1]);
  });

  it('a failing write leaves no record, no audit entry and no change, and nobody is told', async () => {
    await create('company', { name: 'Gamma', code: 'G1' });
    await logged();
    batches();
    const audits = await t.running.platform.store.collection(AUDIT).count({ appId: APP });
    const res = await t.api('POST', data('company'), { name: 'Gamma again', code: 'G1' });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([{ pointer: '/code', message: 'must be unique' }]);
    expect(await logged()).toEqual([]);
    expect(await t.running.platform.store.collection(AUDIT).count({ appId: APP })).toBe(audits);
    expect(await t.running.platform.store.collection(recordCollectionName(APP, 'company')).count({ name: 'Gamma again' })).toBe(0);
    expect(batches()).toEqual([]);
  });

  it('a delete with its cascade and setNull: one change and one audit entry per record touched, in one batch', async () => {
    const co = await create('company', { name: 'Delta', code: 'D1' });
    const c1 = await create('contact', { name: 'Ann', company: co.id });
    const c2 = await create('contact', { name: 'Bob', company: co.id });
    const deal = await create('deal', { title: 'Big one', company: co.id });
    await logged();
    batches();

    // A stale If-Match fails after the cascade ran inside the transaction: all of it rolls back.
    expect((await t.api('DELETE', `${data('company')}/${co.id}`, undefined, { 'if-match': '"7"' })).status).toBe(412);
    expect(await logged()).toEqual([]);
    expect(await stored('contact', c1.id)).not.toBeNull();
    expect((await stored('deal', deal.id))?.company).toBe(co.id);
    expect(await auditOf('contact', c1.id)).toHaveLength(1);
    expect(batches()).toEqual([]);

    expect((await t.api('DELETE', `${data('company')}/${co.id}`)).status).toBe(204);
    const entries = await logged();
    expect(changesOf(entries).sort()).toEqual(
      [
        ['deleted', 'contact', c1.id, 1, 'write'],
        ['deleted', 'contact', c2.id, 1, 'write'],
        ['updated', 'deal', deal.id, 2, 'write'],
        ['deleted', 'company', co.id, 1, 'write'],
      ].sort(),
    );
    expect(entries.find((e) => e.data.entity === 'deal')!.data.record.company).toBeNull();
    expect((await auditOf('contact', c1.id)).map((a) => a.action)).toEqual(['create', 'delete']);
    expect((await auditOf('deal', deal.id)).map((a) => a.action)).toEqual(['create', 'update']);
    expect((await auditOf('company', co.id)).map((a) => a.action)).toEqual(['create', 'delete']);
    const [b, ...more] = batches();
    expect(more).toEqual([]);
    expect(b.batch.entries.map((e) => e.seq)).toEqual(entries.map((e) => e.seq));
    expect(b.stored.filter(Boolean).map((d) => d!.id)).toEqual([deal.id]); // the deletes are gone by then
  });

  it('an import batch: one change and one audit entry per imported row; a batch that fails leaves nothing', async () => {
    const csv = (body: string) =>
      fetch(`${t.url}${data('company')}/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'text/csv' },
        body,
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const waitFor = async (jobId: string) => {
      for (let i = 0; i < 400; i++) {
        const job = await t.api('GET', `/api/apps/${APP}/imports/${jobId}`);
        if (job.body.status !== 'running') return job.body;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('the import did not finish');
    };
    await logged();
    batches();
    const job = await waitFor((await csv('name,code\nImp 1,I1\nImp 2,I2\nImp 3,I3\n')).body.jobId);
    expect(job).toMatchObject({ status: 'done', created: 3 });
    const entries = await logged();
    expect(entries.map((e) => [e.data.type, e.data.record.name, e.data.cause])).toEqual([
      ['created', 'Imp 1', 'import'],
      ['created', 'Imp 2', 'import'],
      ['created', 'Imp 3', 'import'],
    ]);
    for (const e of entries) expect((await auditOf('company', e.data.id)).map((a) => a.action)).toEqual(['create']);
    expect(batches().map((b) => b.batch.changes.length)).toEqual([3]);

    // A batch that hits a unique index rolls back whole (then the rows go one by one).
    const { platform } = t.running;
    const caller = await platform.access.caller(APP, { user: (await platform.accounts.findUserByEmail(ADMIN.email))!, via: 'apiKey' });
    const s = await platform.records.scope(APP, 'company', caller);
    await expect(
      platform.records.insertBatch(s, [
        { name: 'New', code: 'N1' },
        { name: 'Clash', code: 'I1' },
      ]),
    ).rejects.toThrow();
    expect(await logged()).toEqual([]);
    expect(await platform.store.collection(recordCollectionName(APP, 'company')).count({ code: 'N1' })).toBe(0);
    expect(batches()).toEqual([]);
  });

  it('a publish backfill and a field rename move: changes and audit entries by Tessera itself, in batches', async () => {
    const companies = (await t.api('GET', `${data('company')}?limit=1000`)).body.items as StoredDoc[];
    await logged();
    batches();

    await publish(
      definition([NAME, CODE, { id: 'tier', type: 'enum', options: [{ value: 'basic' }, { value: 'gold' }], default: 'basic' }]),
    );
    const backfill = await logged();
    expect(backfill.map((e) => e.data.id).sort()).toEqual(companies.map((c) => c.id).sort());
    for (const e of backfill) {
      expect(e.data).toMatchObject({ type: 'updated', entity: 'company', cause: 'migration', record: { tier: 'basic' } });
      expect(e.data.before).not.toHaveProperty('tier');
      const audit = await auditOf('company', e.data.id);
      expect(audit[audit.length - 1]).toMatchObject({
        action: 'update',
        user: null,
        changes: [{ field: 'tier', from: null, to: 'basic' }],
      });
    }
    const seenBackfill = batches();
    expect(seenBackfill.every((b) => b.batch.cause === 'migration' && b.batch.caller === null)).toBe(true);
    expect(seenBackfill.flatMap((b) => b.batch.changes).length).toBe(companies.length);

    await publish(
      definition([
        { ...NAME, id: 'title' },
        CODE,
        { id: 'tier', type: 'enum', options: [{ value: 'basic' }, { value: 'gold' }], default: 'basic' },
      ]),
      [{ entity: 'company', from: 'name', to: 'title' }],
    );
    const moved = await logged();
    expect(moved).toHaveLength(companies.length);
    for (const e of moved) {
      expect(e.data).toMatchObject({ type: 'updated', cause: 'migration', before: { name: expect.any(String) } });
      expect(e.data.record).not.toHaveProperty('name');
      expect(e.data.record.title).toBe(e.data.before!.name);
    }
    expect(batches().flatMap((b) => b.batch.changes).length).toBe(companies.length);
  });

  it('an entity rename move: each record leaves the old entity and arrives in the new one, keeping id and version', async () => {
    const deals = (await t.api('GET', `${data('deal')}?limit=1000`)).body.items as StoredDoc[];
    expect(deals.length).toBeGreaterThan(0);
    await logged();
    const current = (await t.api('GET', `/api/apps/${APP}`)).body.draft;
    const next = {
      ...current,
      entities: current.entities.map((e: { id: string }) => (e.id === 'deal' ? { ...e, id: 'opportunity', label: 'Opportunity' } : e)),
    };
    await publish(next, [{ from: 'deal', to: 'opportunity' }]);
    const entries = await logged();
    expect(changesOf(entries).sort()).toEqual(
      deals
        .flatMap((d) => [
          ['deleted', 'deal', d.id, d.version, 'migration'],
          ['created', 'opportunity', d.id, d.version, 'migration'],
        ])
        .sort(),
    );
    for (const d of deals) {
      expect((await auditOf('deal', d.id)).at(-1)).toMatchObject({ action: 'delete', user: null });
      expect((await auditOf('opportunity', d.id)).map((a) => a.action)).toEqual(['create']);
    }
    batches();
  });

  it('the live feed delivers each committed change once, read from the change log', async () => {
    const got: Array<{ type: string; id: string; seq: number }> = [];
    const off = t.running.platform.feed.subscribe(APP, (c) => {
      if (c.kind === 'change') got.push({ type: c.type, id: c.id, seq: c.seq });
    });
    try {
      await logged();
      const co = await create('company', { title: 'Theta', code: 'T1' });
      expect((await t.api('PATCH', `${data('company')}/${co.id}`, { title: 'Theta 2' })).status).toBe(200);
      const entries = await logged();
      for (let i = 0; i < 200 && got.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 100)); // a second delivery would have come by now
      expect(got).toEqual(entries.map((e) => ({ type: e.data.type, id: co.id, seq: e.seq })));
    } finally {
      off();
      batches();
    }
  });

  it('a subscriber that fails does not undo the write or keep the others from running', async () => {
    const { commitSubscribers } = t.running.platform;
    expect(() => commitSubscribers.add('test', () => undefined)).toThrow(/already registered/);
    const remove = commitSubscribers.add('flaky', () => {
      throw new Error('down');
    });
    try {
      const co = await create('company', { title: 'Epsilon', code: 'E1' });
      expect(changesOf(await logged())).toEqual([['created', 'company', co.id, 1, 'write']]);
      expect(batches().map((b) => b.batch.changes[0].id)).toEqual([co.id]);
    } finally {
      remove();
    }
  });
});
