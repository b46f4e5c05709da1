import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteStore, type SqliteStore } from '../../store/sqlite/sqlite.store';
import { recordCollectionName } from '../storage-plan';
import { APPS, collect, contractContext, CONTRACT_COLLECTIONS, isChange, write, type FeedSide } from './change-feed.contract';
import { SqliteChangeFeed, type SqliteFeedOptions } from './sqlite.change-feed';
import { entryOf, SqliteChangeLog } from './sqlite.change-log';

/** What the contract suite does not show: the SQLite feed's own ordering, waiting and pruning rules. */

const NEVER = 1e9; // no timer-driven reads: only a local gap triggers one
let dir: string;
const cleanup: Array<() => Promise<void>> = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-sqlite-feed-'));
});
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** One "process": its own connection to the shared file and its own feed. */
async function side(options: SqliteFeedOptions, ctx = contractContext(), warnings: string[] = []): Promise<FeedSide & { store: SqliteStore; feed: SqliteChangeFeed }> {
  const store = createSqliteStore({ file: path.join(dir, 'tessera.db') });
  for (const spec of [...CONTRACT_COLLECTIONS, { name: recordCollectionName('gone-app', 'note'), fields: [] }]) await store.ensureCollection(spec);
  const feed = new SqliteChangeFeed(store, ctx, (_obj, msg) => warnings.push(msg), options);
  await feed.start();
  cleanup.push(async () => {
    await feed.close();
    await store.close();
  });
  return { store, feed };
}

/** Logs a create in a transaction that commits, but never publishes it (as if the writer failed after the commit). */
async function logOnly(s: FeedSide, title: string): Promise<string> {
  return s.store.transaction(async (tx) => {
    const record = await tx.collection(recordCollectionName(APPS[0], 'note')).insert({ title });
    await s.feed.log(tx, [{ appId: APPS[0], type: 'created', entity: 'note', id: record.id, version: 1, record }]);
    return record.id;
  });
}

describe('SqliteChangeFeed', () => {
  it('delivers a change of this process when it is published, without reading the log', async () => {
    const a = await side({ pollMs: NEVER });
    const seen = collect(a.feed, APPS[0]);
    const created = await write(a, APPS[0], { create: { title: 'local' } });
    // `write` has returned right after publish: the subscriber already has it, with the published (not re-read) record.
    expect(seen.changes).toEqual([expect.objectContaining({ kind: 'change', id: created.id, record: expect.not.objectContaining({ enriched: true }) })]);
    expect(seen.changes[0].seq).toBe(a.feed.lastSeq);
  });

  it("holds a local change until the earlier id (another process's) is delivered, then both in order", async () => {
    const a = await side({ pollMs: NEVER });
    const b = await side({ pollMs: NEVER });
    const seen = collect(a.feed, APPS[0]);
    const theirs = await write(b, APPS[0], { create: { title: 'theirs, first' } });
    const mine = await write(a, APPS[0], { create: { title: 'mine, second' } });
    await seen.next(isChange(mine.id));
    expect(seen.changes.map((c) => c.kind === 'change' && c.id)).toEqual([theirs.id, mine.id]);
    expect(seen.changes[1].seq).toBe(seen.changes[0].seq + 1);
  });

  it('delivers a row of its own from the log when its publish never comes', async () => {
    const a = await side({ pollMs: 10, publishGraceMs: 0 });
    const seen = collect(a.feed, APPS[0]);
    const id = await logOnly(a, 'never published');
    const change = await seen.next(isChange(id));
    expect(change).toMatchObject({ record: { title: 'never published', enriched: true } }); // resolved from the log
  });

  it('waits for its own publish while it is on the way, then goes on with later rows', async () => {
    const a = await side({ pollMs: NEVER, publishGraceMs: 60_000 });
    const b = await side({ pollMs: NEVER });
    const seen = collect(a.feed, APPS[0]);
    let pending!: { id: string; record: Record<string, unknown> };
    await a.store.transaction(async (tx) => {
      const record = await tx.collection(recordCollectionName(APPS[0], 'note')).insert({ title: 'mine' });
      await a.feed.log(tx, [{ appId: APPS[0], type: 'created', entity: 'note', id: record.id, version: 1, record }]);
      pending = { id: record.id, record };
    });
    await write(b, APPS[0], { create: { title: 'theirs' } });
    const later = await write(a, APPS[0], { create: { title: 'mine, later' } }); // waits behind the unpublished row and theirs
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.changes).toEqual([]); // nothing may overtake the row whose publish is still on the way
    a.feed.publish({ appId: APPS[0], kind: 'change', type: 'created', entity: 'note', id: pending.id, version: 1, record: { ...pending.record, computed: 1 } as never, definition: {} as never });
    await seen.next(isChange(later.id));
    expect(seen.changes.map((c) => c.kind === 'change' && c.record.title)).toEqual(['mine', 'theirs', 'mine, later']);
    expect(seen.changes[0]).toMatchObject({ record: { computed: 1 } }); // the published record, not the log's
  });

  it('skips a row whose app is gone and goes on', async () => {
    const a = await side({ pollMs: 10 });
    const b = await side({ pollMs: NEVER });
    const seen = collect(a.feed, APPS[0]);
    const orphans = collect(a.feed, 'gone-app');
    await write(b, 'gone-app', { create: { title: 'orphan' } });
    const next = await write(b, APPS[0], { create: { title: 'after' } });
    await seen.next(isChange(next.id));
    expect(seen.changes).toHaveLength(1); // no reset: the skipped id is not a gap
    expect(orphans.changes).toEqual([]);
  });

  it('a process that fell behind the pruned log tells its subscribers to reload, then goes on', async () => {
    const a = await side({ pollMs: NEVER });
    const b = await side({ pollMs: NEVER });
    const seen = collect(a.feed, APPS[0]);
    const before = a.feed.lastSeq;
    for (let i = 0; i < 3; i++) await write(b, APPS[0], { create: { title: `missed ${i}` } });
    expect(new SqliteChangeLog(b.store.db).prune(Date.now() + 1)).toBe(3); // the start row and two changes; the newest stays
    const mine = await write(a, APPS[0], { create: { title: 'after the gap' } });
    await seen.next(isChange(mine.id));
    expect(seen.changes.map((c) => (c.kind === 'change' ? c.record.title : c.kind))).toEqual(['reset', 'missed 2', 'after the gap']);
    expect(a.feed.since(APPS[0], before)).toBeNull();
    expect(a.feed.since(APPS[0], seen.changes[0].seq)!.map((c) => c.seq)).toEqual([seen.changes[1].seq, seen.changes[2].seq]);
  });

  it('refuses to log outside a transaction (the rows would not commit with the records)', async () => {
    const a = await side({ pollMs: NEVER });
    const record = await a.store.collection(recordCollectionName(APPS[0], 'note')).insert({ title: 'x' });
    await expect(a.feed.log(a.store, [{ appId: APPS[0], type: 'created', entity: 'note', id: record.id, version: 1, record }])).rejects.toThrow(/inside a store transaction/);
  });
});

describe('SqliteChangeLog', () => {
  it('starts a new log at its floor, numbers rows one by one and keeps the newest when pruning', () => {
    const store = createSqliteStore({ file: ':memory:' });
    try {
      const log = new SqliteChangeLog(store.db, 5000);
      log.ensure();
      expect(log.maxSeq()).toBeNull();
      const tx = store.db.transaction(() => [1, 2, 3].map(() => log.append('o', 'app', { kind: 'published', version: 1 })));
      expect(tx()).toEqual([5001, 5002, 5003]);
      expect(log.after(5001, 10).map((r) => [r.seq, r.origin, r.appId, entryOf(r)])).toEqual([
        [5002, 'o', 'app', { kind: 'published', version: 1 }],
        [5003, 'o', 'app', { kind: 'published', version: 1 }],
      ]);
      expect(log.prune(Date.now() - 60_000)).toBe(0); // nothing old enough
      expect(log.prune(Date.now() + 1)).toBe(2);
      expect(log.after(0, 10).map((r) => r.seq)).toEqual([5003]);
      expect(store.db.transaction(() => log.append('o', 'app', { kind: 'start' }))()).toBe(5004);
    } finally {
      void store.close();
    }
  });
});
