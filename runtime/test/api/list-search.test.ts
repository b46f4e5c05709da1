import { startTestServer, type TestServer } from '../helpers/tessera';
import { addMember, publishApp, rbacApp, type TestMember } from '../helpers/members';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordCollectionName } from '../../src/platform/storage-plan';
import { startTessera } from '../../src/cli/start';
import { dropSearchIndexes } from '../../src/store/sqlite/search-index.sqlite';
import type { SqliteStore } from '../../src/store';
import { ADMIN } from '../helpers/tessera';

let t: TestServer;
let rep1: TestMember, auditor: TestMember;
const base = '/api/apps/find/data/deal';
const q = (filter: unknown, extra = '') => `${base}?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;
const names = (res: { body: { items: Array<{ name: string }> } }) => res.body.items.map((d) => d.name).sort();

beforeAll(async () => {
  t = await startTestServer();
  const app = rbacApp('find') as { entities: Array<Record<string, unknown>> };
  app.entities[0].searchFields = ['name', 'notes', 'code'];
  await publishApp(t, app);
  rep1 = await addMember(t, 'find', { email: 'rep1@t.test', roles: ['rep'], team: 'east' });
  auditor = await addMember(t, 'find', { email: 'audit@t.test', roles: ['auditor'] });
  const deals = [
    { name: 'Müller Expansion', notes: 'confidential pricing', code: 'D-100', owner: rep1.email },
    { name: 'Mueller Renewal', notes: 'plain', code: 'D-101', owner: 'someone@else.test' },
    { name: 'Globex Pilot', notes: 'confidential terms', code: 'G-7', owner: rep1.email },
  ];
  for (const d of deals) expect((await t.api('POST', base, d)).status).toBe(201);
});
afterAll(() => t.close());

describe('quick search ($search)', () => {
  it('finds records by word prefixes in the search fields, folding case and diacritics', async () => {
    expect(names(await t.api('GET', q({ $search: 'mul' })))).toEqual(['Müller Expansion']);
    expect(names(await t.api('GET', q({ $search: 'mu' })))).toEqual(['Mueller Renewal', 'Müller Expansion']);
    expect(names(await t.api('GET', q({ $search: 'CONFID pil' })))).toEqual(['Globex Pilot']);
    expect(names(await t.api('GET', q({ $search: 'd 100' })))).toEqual(['Müller Expansion']);
    expect(names(await t.api('GET', q({ $search: { text: 'confidential', fields: ['name'] } })))).toEqual([]);
  });

  it('keeps row scope: a rep finds only his own records', async () => {
    expect(names(await rep1.api('GET', q({ $search: 'mu' })))).toEqual(['Müller Expansion']);
  });

  it('never searches a field the role cannot read', async () => {
    // notes are hidden from auditors: the same words find nothing, and naming the field is refused like an unknown one
    expect(names(await t.api('GET', q({ $search: 'confidential' })))).toEqual(['Globex Pilot', 'Müller Expansion']);
    expect(names(await auditor.api('GET', q({ $search: 'confidential' })))).toEqual([]);
    const named = await auditor.api('GET', q({ $search: { text: 'confidential', fields: ['notes'] } }));
    expect(named.status).toBe(400);
    expect(named.body.errors).toEqual([{ pointer: '/filter/$search/fields/0', message: 'unknown field "notes" on deal' }]);
  });

  it('refuses searches it cannot run with a clear error, and changes nothing', async () => {
    const before = (await t.api('GET', `${base}?count=exact`)).body.total;
    const empty = await t.api('GET', q({ $search: '  ** ' }));
    expect(empty.status).toBe(400);
    expect(empty.body.detail).toMatch(/\$search needs at least one word/);
    const notSearchable = await t.api('GET', q({ $search: { text: 'x', fields: ['amount'] } }));
    expect(notSearchable.status).toBe(400);
    expect(notSearchable.body.detail).toMatch(/"amount" is not a search field of deal \(name, notes, code\)/);
    expect((await t.api('GET', q({ $search: 'x'.repeat(201) }))).status).toBe(400);
    expect((await t.api('GET', `${base}?count=exact`)).body.total).toBe(before);
  });

  it('an entity definition may only list searchable fields: publishing is refused', async () => {
    const app = rbacApp('bad-search') as { entities: Array<Record<string, unknown>> };
    app.entities[0].searchFields = ['name', 'amount', 'nope'];
    expect((await t.api('POST', '/api/apps', app)).status).toBe(201); // drafts may be invalid
    const res = await t.api('POST', '/api/apps/bad-search/publish', {});
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          pointer: '/entities/0/searchFields/1',
          message: expect.stringMatching(/money field "amount" cannot be searched/),
        }),
        expect.objectContaining({ pointer: '/entities/0/searchFields/2' }),
      ]),
    );
    expect((await t.api('GET', '/api/apps/bad-search/data/deal')).status).toBe(404); // not published
  });
});

describe('list totals', () => {
  it('counts up to 1,000 with count=true and says so, exactly with count=exact', async () => {
    const accounts = t.running.platform.store.collection(recordCollectionName('find', 'account'));
    await accounts.insertMany(Array.from({ length: 1_001 }, (_, i) => ({ name: `Account ${i}` })));
    const capped = await t.api('GET', '/api/apps/find/data/account?count=true&limit=1');
    expect(capped.body).toMatchObject({ total: 1_000, totalCapped: true });
    const exact = await t.api('GET', '/api/apps/find/data/account?count=exact&limit=1');
    expect(exact.body.total).toBe(1_001);
    expect(exact.body.totalCapped).toBeUndefined();
    const few = await t.api('GET', `${base}?count=true`);
    expect(few.body).toMatchObject({ total: 3 });
    expect(few.body.totalCapped).toBeUndefined();
    const bad = await t.api('GET', `${base}?count=maybe`);
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toBe('count must be true (capped at 1,000), exact or false');
  });
});

describe('upgrading a data directory', () => {
  it('builds what this version adds (the search index) at startup, not in the first request', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-upgrade-'));
    const config = {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      loadExamples: false,
      logLevel: 'silent' as const,
      dbUrl: undefined,
    };
    try {
      const first = await startTessera(config, () => {});
      const { key } = await first.platform.accounts.createApiKey(
        (await first.platform.accounts.findUserByEmail(ADMIN.email))!.id,
        'upgrade',
      );
      const api = (method: string, route: string, body?: unknown) =>
        fetch(first.url + route, {
          method,
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      await api('POST', '/api/apps', rbacApp('old'));
      await api('POST', '/api/apps/old/publish', {});
      expect((await api('POST', '/api/apps/old/data/deal', { name: 'Wombat Deal', owner: 'x@y.z' })).status).toBe(201);
      const collection = recordCollectionName('old', 'deal');
      dropSearchIndexes((first.platform.store as SqliteStore).db, collection); // as an older Tessera left it
      await first.stop();

      const second = await startTessera(config, () => {});
      try {
        const tables = (second.platform.store as SqliteStore).db
          .prepare(`SELECT name FROM sqlite_master WHERE name LIKE '__search_${collection}_%' AND sql LIKE 'CREATE VIRTUAL%'`)
          .all();
        expect(tables).toHaveLength(1); // there before any request
        const res = await fetch(`${second.url}/api/apps/old/data/deal?filter=${encodeURIComponent(JSON.stringify({ $search: 'womb' }))}`, {
          headers: { authorization: `Bearer ${key}` },
        });
        expect(((await res.json()) as { items: Array<{ name: string }> }).items.map((d) => d.name)).toEqual(['Wombat Deal']);
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
