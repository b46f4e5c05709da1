import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, openStore, StoreError, UniqueViolationError, type FindOptions, type SqliteStore } from '../../src/store';
import { explainFind } from '../../src/store/sqlite/find.sqlite';
import { CONTACTS, PEOPLE } from './contract/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'tessera-sqlite-adapter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function seededStore(file = ':memory:', options: { transactionWaitMs?: number } = {}): Promise<SqliteStore> {
  const store = createSqliteStore({ file, ...options });
  const c = await store.ensureCollection(CONTACTS);
  await c.insertMany(PEOPLE);
  return store;
}

function plan(store: SqliteStore, options: FindOptions): string {
  const ctx = (store as unknown as { holders: Map<string, { ctx: Parameters<typeof explainFind>[0] }> }).holders.get('contacts')!.ctx;
  const { sql, params } = explainFind(ctx, options);
  return (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
}

describe('sqlite adapter specifics', () => {
  it('group commit: concurrent transactions share one COMMIT, see earlier writes, and reads wait for it', async () => {
    const store = await seededStore();
    const c = store.collection('contacts');
    const commits: string[] = [];
    const exec = store.cache.get.bind(store.cache);
    store.cache.get = (sql: string) => (sql === 'COMMIT' && commits.push(sql), exec(sql));
    const first = store.transaction(async (tx) => tx.collection('contacts').insert({ id: 'gc1', name: 'Gus' }));
    const second = store.transaction(async (tx) => (await tx.collection('contacts').get('gc1'))?.name ?? null);
    const read = c.get('gc1');
    expect(await second).toBe('Gus');
    await first;
    expect((await read)?.name).toBe('Gus');
    expect(commits).toHaveLength(1);
    store.close();
  });

  it('group commit: a failed COMMIT fails every transaction of the batch and writes none', async () => {
    const store = await seededStore();
    const exec = store.cache.get.bind(store.cache);
    store.cache.get = (sql: string) => {
      if (sql === 'COMMIT') throw new Error('disk I/O error');
      return exec(sql);
    };
    const results = await Promise.allSettled(
      [1, 2].map((i) => store.transaction(async (tx) => tx.collection('contacts').insert({ id: `lost${i}` }))),
    );
    expect(results.map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual(['disk I/O error', 'disk I/O error']);
    store.cache.get = exec;
    expect(await store.collection('contacts').count({ id: { $in: ['lost1', 'lost2'] } })).toBe(0);
    store.close();
  });

  it('equality on a case-insensitive unique field uses its folded index, and still compares exactly', async () => {
    const store = createSqliteStore({ file: ':memory:' });
    const c = await store.ensureCollection({
      name: 'contacts',
      fields: [{ name: 'email', kind: 'string', unique: true, ignoreCase: true }],
    });
    await c.insertMany([{ email: 'Ann@x.io' }, { email: 'bob@x.io' }, { email: 'Zoë@x.io' }]);
    expect(plan(store, { filter: { email: 'ann@x.io' } })).toMatch(/USING INDEX tx_contacts__email__uci_\w+ \(<expr>=\?\)/);
    expect(plan(store, { filter: { email: { $in: ['a@x.io', 'b@x.io'] } } })).toMatch(
      /USING INDEX tx_contacts__email__uci_\w+ \(<expr>=\?\)/,
    );
    expect((await c.find({ filter: { email: 'ann@x.io' } })).items).toEqual([]); // equality stays exact
    expect((await c.find({ filter: { email: 'Ann@x.io' } })).items).toHaveLength(1);
    expect((await c.find({ filter: { email: { $in: ['bob@x.io', 'Zoë@x.io', 'zoë@x.io'] } } })).items.map((d) => d.email).sort()).toEqual([
      'Zoë@x.io',
      'bob@x.io',
    ]);
    expect((await c.find({ filter: { email: { $ne: 'bob@x.io' } } })).items).toHaveLength(2);
    store.close();
  });

  it('filters and sorts use the expression indexes (EXPLAIN QUERY PLAN)', async () => {
    const store = await seededStore();
    expect(plan(store, { filter: { email: 'ann@x.io' } })).toMatch(/USING INDEX tx_contacts__email__u_\w+ \(<expr>=\?\)/);
    expect(plan(store, { filter: { score: { $gt: 3 } }, sort: [{ field: 'score', dir: 'asc' }] })).toMatch(
      /SEARCH contacts USING (COVERING )?INDEX tx_contacts__score_\w+ \(<expr>>\?\)$/,
    );
    expect(plan(store, { sort: [{ field: 'name', dir: 'asc' }] })).toMatch(/^SCAN contacts USING (COVERING )?INDEX tx_contacts__name_\w+$/);
    expect(plan(store, { filter: { status: 'open' }, sort: [{ field: 'score', dir: 'asc' }] })).toMatch(
      /INDEX tx_contacts__status__score_\w+ \(<expr>=\?\)$/,
    );
    expect(plan(store, { filter: { company: 'acme', code: 1 } })).toMatch(
      /INDEX tx_contacts__company__code__u_\w+ \(<expr>=\? AND <expr>=\?\)/,
    );
    expect(plan(store, { filter: { name: { $in: ['Ann', 'Eve'] } } })).toMatch(/INDEX tx_contacts__name_\w+ \(<expr>=\?\)/);
    expect(plan(store, { filter: { id: 'a' } })).toMatch(/sqlite_autoindex_contacts_1 \(id=\?\)/);
    store.close();
  });

  it('a search with a rare word drives the query: rowid lookups, not a scan of the owner index', async () => {
    const store = createSqliteStore({ file: ':memory:' });
    const c = await store.ensureCollection({
      name: 'contacts',
      fields: [{ name: 'owner', kind: 'string', indexed: true }],
      indexes: [{ fields: ['owner', 'name'] }],
      search: ['name', 'email'],
    });
    await c.insertMany(
      Array.from({ length: 3000 }, (_, i) => ({
        id: `c${i}`,
        name: `Person ${i}`,
        email: `p${i}@example.com`,
        owner: i % 2 ? 'rep1' : 'rep2',
      })),
    );
    const ctx = (store as unknown as { holders: Map<string, { ctx: Parameters<typeof explainFind>[0] }> }).holders.get('contacts')!.ctx;
    const planOf = (options: FindOptions) => {
      const { sql, params } = explainFind(ctx, options);
      return (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    };
    const rare = planOf({ filter: { $search: 'p1234@example.com', owner: 'rep2' }, sort: [{ field: 'name', dir: 'asc' }] });
    expect(rare).toMatch(/USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(rare).not.toMatch(/owner/);
    expect((await c.find({ filter: { $search: 'p1234@example.com', owner: 'rep2' } })).items.map((d) => d.id)).toEqual(['c1234']);
    expect((await c.find({ filter: { $search: 'p1234@example.com', owner: 'rep1' } })).items).toEqual([]);
    // only common words ("person" is in every row): the owner index may serve as before
    expect(planOf({ filter: { $search: 'person', owner: 'rep2' }, sort: [{ field: 'name', dir: 'asc' }] })).toMatch(/owner/);
    store.close();
  });

  it('binds every value as a parameter', async () => {
    const store = await seededStore();
    const ctx = (store as unknown as { holders: Map<string, { ctx: Parameters<typeof explainFind>[0] }> }).holders.get('contacts')!.ctx;
    const { sql, params } = explainFind(ctx, { filter: { name: "x' OR '1'='1", 'meta.city': { $regex: "'; DROP TABLE contacts; --" } } });
    expect(sql).not.toContain("OR '1'");
    expect(sql).not.toContain('DROP');
    expect(params).toContain("x' OR '1'='1");
    await store.close();
  });

  it('stores booleans as JSON true/false, and WAL + synchronous=NORMAL on files', async () => {
    const store = await seededStore(join(dir, 'wal.db'));
    expect(store.db.prepare(`SELECT json("doc") FROM contacts WHERE id = 'a'`).pluck().get()).toContain('"vip":true');
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    await store.close();
  });

  it('reopens a file: collections, specs and unique-error field names survive', async () => {
    const file = join(dir, 'reopen.db');
    await (await seededStore(file)).close();
    const again = createSqliteStore({ file });
    expect(await again.listCollections()).toEqual(['contacts']);
    const c = again.collection('contacts');
    expect(await c.count({ tags: 'lead' })).toBe(2); // array semantics need the stored spec
    await expect(c.insert({ email: 'ann@x.io' })).rejects.toMatchObject({ fields: ['email'] });
    expect(() => again.collection('nope')).toThrow(StoreError);
    await again.close();
  });

  it('calling the outer store inside transaction(fn) fails with a clear error instead of deadlocking', async () => {
    const store = await seededStore(':memory:', { transactionWaitMs: 200 });
    const c = store.collection('contacts');
    await expect(store.transaction(async () => c.get('a'))).rejects.toThrow(/use the `tx` store/);
    await expect(store.transaction(async () => store.transaction(async () => 1))).rejects.toThrow(StoreError);
    expect(await c.get('a')).not.toBeNull(); // the gate was released
    await store.close();
  });

  it('nested tx.transaction rolls back to its savepoint only', async () => {
    const store = await seededStore();
    await store.transaction(async (tx) => {
      await tx.collection('contacts').insert({ id: 'outer' });
      await expect(
        tx.transaction(async (inner) => {
          await inner.collection('contacts').insert({ id: 'inner' });
          throw new UniqueViolationError('contacts', ['x']);
        }),
      ).rejects.toBeInstanceOf(UniqueViolationError);
      await tx.transaction(async (inner) => inner.collection('contacts').insert({ id: 'inner2' }));
    });
    const c = store.collection('contacts');
    expect(await c.get('outer')).not.toBeNull();
    expect(await c.get('inner')).toBeNull();
    expect(await c.get('inner2')).not.toBeNull();
    await store.close();
  });

  // How fast this is, against raw better-sqlite3 in the same run, is `npm run bench:store`.
  it('a batched insert of 100,000 rows stores every row, each readable by id', async () => {
    const store = createSqliteStore({ file: join(dir, 'batch.db') });
    const c = await store.ensureCollection(CONTACTS);
    const rows = Array.from({ length: 100_000 }, (_, i) => ({
      name: `n${i}`,
      email: `u${i}@x.io`,
      score: i % 1000,
      tags: ['a'],
      meta: { i },
    }));
    expect(await c.insertMany(rows)).toBe(100_000);
    expect(await c.count({})).toBe(100_000);
    const [found] = (await c.find({ filter: { email: 'u99999@x.io' }, limit: 1 })).items;
    expect(await c.get(found.id)).toMatchObject({ name: 'n99999', email: 'u99999@x.io', score: 999, tags: ['a'], meta: { i: 99_999 } });
    await store.close();
  });

  it('openStore picks sqlite for a missing or non-mongodb url and creates the data dir', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const store = await openStore({ dataDir });
    expect(store.kind).toBe('sqlite');
    expect(existsSync(join(dataDir, 'tessera.db'))).toBe(true);
    await store.close();
    const other = await openStore({ url: 'sqlite:whatever', dataDir });
    expect(other.kind).toBe('sqlite');
    await other.close();
  });
});
