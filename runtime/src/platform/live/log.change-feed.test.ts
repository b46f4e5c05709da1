import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Store } from '@tessera/core/store';
import { createSqliteStore } from '../../store/sqlite/sqlite.store';
import { recordCollectionName } from '../storage-plan';
import { APPS, collect, contractContext, CONTRACT_COLLECTIONS, isChange, write, type FeedSide } from './change-feed.contract';
import { LogChangeFeed, type LogFeedOptions } from './log.change-feed';
import { recordEntry } from './log.change-entry';
import { LogTrimmer } from './log-trimmer';
import { LogConsumers } from '../log-consumers';

/** What the contract suite does not show: the log feed's own ordering, waiting and trimming rules (on SQLite files shared by two stores). */

const NEVER = 1e9; // no timer-driven reads: only a local gap or a local append triggers one
let dir: string;
const cleanup: Array<() => Promise<void>> = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-log-feed-'));
});
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** One "process": its own connection to the shared file and its own feed. */
async function side(
  options: LogFeedOptions,
  ctx = contractContext(),
  warnings: string[] = [],
): Promise<FeedSide & { store: Store; feed: LogChangeFeed }> {
  const store = createSqliteStore({ file: path.join(dir, 'tessera.db') });
  for (const spec of [...CONTRACT_COLLECTIONS, { name: recordCollectionName('gone-app', 'note'), fields: [] }])
    await store.ensureCollection(spec);
  const feed = new LogChangeFeed(store, ctx, (_obj, msg) => warnings.push(msg), options);
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

describe('LogChangeFeed', () => {
  it('delivers a change of this process when it is published, without reading the log', async () => {
    const a = await side({ pollMs: NEVER });
    const seen = collect(a.feed, APPS[0]);
    const created = await write(a, APPS[0], { create: { title: 'local' } });
    // `write` has returned right after publish: the subscriber already has it, with the published (not re-read) record.
    expect(seen.changes).toEqual([
      expect.objectContaining({ kind: 'change', id: created.id, record: expect.not.objectContaining({ enriched: true }) }),
    ]);
    expect(seen.changes[0].seq).toBe(a.feed.lastSeq);
    expect(seen.changes[0].seq).toBe(await a.store.log.lastSeq()); // the log's seq is the feed's id
  });

  it("holds a local change until the earlier seq (another process's) is delivered, then both in order", async () => {
    const a = await side({ pollMs: NEVER });
    const b = await side({ pollMs: NEVER });
    const seen = collect(a.feed, APPS[0]);
    const theirs = await write(b, APPS[0], { create: { title: 'theirs, first' } });
    const mine = await write(a, APPS[0], { create: { title: 'mine, second' } });
    await seen.next(isChange(mine.id));
    expect(seen.changes.map((c) => c.kind === 'change' && c.id)).toEqual([theirs.id, mine.id]);
    expect(seen.changes[1].seq).toBe(seen.changes[0].seq + 1);
  });

  it('delivers an entry of its own from the log when its publish never comes', async () => {
    const a = await side({ pollMs: 10, publishGraceMs: 0 });
    const seen = collect(a.feed, APPS[0]);
    const id = await logOnly(a, 'never published');
    const change = await seen.next(isChange(id));
    expect(change).toMatchObject({ record: { title: 'never published', enriched: true } }); // resolved from the log
  });

  it('delivers at once what another writer of this process appended to the log itself (onAppend), resolved here', async () => {
    const a = await side({ pollMs: NEVER });
    const seen = collect(a.feed, APPS[0]);
    const id = await a.store.transaction(async (tx) => {
      const record = await tx.collection(recordCollectionName(APPS[0], 'note')).insert({ title: 'from a write pipeline' });
      await tx.log.append([recordEntry({ appId: APPS[0], type: 'created', entity: 'note', id: record.id, version: 1, record })]);
      return record.id;
    });
    expect(await seen.next(isChange(id), 2000)).toMatchObject({ record: { title: 'from a write pipeline', enriched: true } });
  });

  it('steps over entries of other topics without a reset', async () => {
    const a = await side({ pollMs: 10 });
    const seen = collect(a.feed, APPS[0]);
    await a.store.log.append([{ topic: 'workflow', data: { run: 1 } }]);
    const next = await write(a, APPS[0], { create: { title: 'after' } });
    await seen.next(isChange(next.id));
    expect(seen.changes.map((c) => c.kind)).toEqual(['change']);
  });

  it('waits for its own publish while it is on the way, then goes on with later entries', async () => {
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
    const later = await write(a, APPS[0], { create: { title: 'mine, later' } }); // waits behind the unpublished entry and theirs
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.changes).toEqual([]); // nothing may overtake the entry whose publish is still on the way
    a.feed.publish({
      appId: APPS[0],
      kind: 'change',
      type: 'created',
      entity: 'note',
      id: pending.id,
      version: 1,
      record: { ...pending.record, computed: 1 } as never,
      definition: {} as never,
    });
    await seen.next(isChange(later.id));
    expect(seen.changes.map((c) => c.kind === 'change' && c.record.title)).toEqual(['mine', 'theirs', 'mine, later']);
    expect(seen.changes[0]).toMatchObject({ record: { computed: 1 } }); // the published record, not the log's
  });

  it('skips an entry whose app is gone and goes on', async () => {
    const a = await side({ pollMs: 10 });
    const b = await side({ pollMs: NEVER });
    const seen = collect(a.feed, APPS[0]);
    const orphans = collect(a.feed, 'gone-app');
    await write(b, 'gone-app', { create: { title: 'orphan' } });
    const next = await write(b, APPS[0], { create: { title: 'after' } });
    await seen.next(isChange(next.id));
    expect(seen.changes).toHaveLength(1); // no reset: the skipped seq is not a gap
    expect(orphans.changes).toEqual([]);
  });

  it('a process that fell behind the trimmed log tells its subscribers to reload, then goes on', async () => {
    const a = await side({ pollMs: NEVER });
    const b = await side({ pollMs: NEVER });
    const seen = collect(a.feed, APPS[0]);
    const before = a.feed.lastSeq;
    for (let i = 0; i < 3; i++) await write(b, APPS[0], { create: { title: `missed ${i}` } });
    expect(await b.store.log.trim(await b.store.log.lastSeq())).toBe(2); // the newest stays
    const mine = await write(a, APPS[0], { create: { title: 'after the gap' } });
    await seen.next(isChange(mine.id));
    expect(seen.changes.map((c) => (c.kind === 'change' ? c.record.title : c.kind))).toEqual(['reset', 'missed 2', 'after the gap']);
    expect(a.feed.since(APPS[0], before)).toBeNull();
    expect(a.feed.since(APPS[0], seen.changes[0].seq)!.map((c) => c.seq)).toEqual([seen.changes[1].seq, seen.changes[2].seq]);
  });

  it('a restarted process goes on from the log: ids keep growing, older ones get a reset', async () => {
    const a = await side({ pollMs: NEVER });
    const seen = collect(a.feed, APPS[0]);
    await write(a, APPS[0], { create: { title: 'before the restart' } });
    const old = seen.changes[0].seq;
    const again = await side({ pollMs: NEVER });
    expect(again.feed.lastSeq).toBe(old);
    expect(again.feed.since(APPS[0], old - 1)).toBeNull(); // delivered by the earlier process only
    const later = collect(again.feed, APPS[0]);
    await write(again, APPS[0], { create: { title: 'after' } });
    expect(later.changes[0].seq).toBe(old + 1);
  });

  it('refuses to log outside a transaction (the entries would not commit with the records)', async () => {
    const a = await side({ pollMs: NEVER });
    const record = await a.store.collection(recordCollectionName(APPS[0], 'note')).insert({ title: 'x' });
    await expect(
      a.feed.log(a.store, [{ appId: APPS[0], type: 'created', entity: 'note', id: record.id, version: 1, record }]),
    ).rejects.toThrow(/inside a store transaction/);
  });
});

describe('LogTrimmer', () => {
  it('trims what the feed had seen one retention period ago, on its own schedule', async () => {
    const store = createSqliteStore({ file: ':memory:' });
    try {
      const made = await store.log.append([1, 2, 3, 4].map((n) => ({ topic: 't', data: n })));
      const trimmer = new LogTrimmer(store.log, { retentionMs: 60_000, everyMs: 10_000 });
      const fail = (err: unknown) => {
        throw err;
      };
      trimmer.tick(made[1].seq, fail, 0); // seen up to the 2nd entry at t=0
      trimmer.tick(made[3].seq, fail, 5_000); // too soon: no note
      trimmer.tick(made[3].seq, fail, 30_000);
      await trimmer.running;
      expect(await store.log.firstSeq()).toBe(made[0].seq); // nothing older than a minute yet
      trimmer.tick(made[3].seq, fail, 61_000);
      await trimmer.running;
      expect(await store.log.firstSeq()).toBe(made[2].seq); // the note of t=0 is a minute old
      trimmer.tick(made[3].seq, fail, 91_000);
      await trimmer.running;
      expect(await store.log.firstSeq()).toBe(made[3].seq + 1);
    } finally {
      await store.close();
    }
  });

  it('keeps what a named consumer has not processed past the retention, up to the hard age limit', async () => {
    const store = createSqliteStore({ file: ':memory:' });
    try {
      const made = await store.log.append([1, 2, 3, 4, 5].map((n) => ({ topic: 't', data: n })));
      const consumers = new LogConsumers();
      consumers.add('workflows');
      expect(() => consumers.add('workflows')).toThrow(/already registered/);
      await store.log.setPosition('workflows', made[1].seq); // processed the first two
      const trimmer = new LogTrimmer(store.log, {
        retentionMs: 60_000,
        everyMs: 10_000,
        consumers: () => consumers.list(),
        maxRetentionMs: 3_600_000,
      });
      const fail = (err: unknown) => {
        throw err;
      };
      const last = made[4].seq;
      trimmer.tick(last, fail, 0); // the feed has seen everything at t=0
      trimmer.tick(last, fail, 61_000);
      await trimmer.running;
      expect(await store.log.firstSeq()).toBe(made[2].seq); // the consumer's unread three stay
      await store.log.setPosition('workflows', made[3].seq);
      trimmer.tick(last, fail, 120_000);
      await trimmer.running;
      expect(await store.log.firstSeq()).toBe(made[4].seq);
      // A consumer that stalls for longer than the hard limit no longer holds the log.
      trimmer.tick(last, fail, 3_600_000);
      await trimmer.running;
      expect(await store.log.firstSeq()).toBe(last + 1);
      expect(await store.log.position('workflows')).toBe(made[3].seq); // it sees firstSeq past its position
    } finally {
      await store.close();
    }
  });

  it('trims by age alone once a consumer is removed', async () => {
    const store = createSqliteStore({ file: ':memory:' });
    try {
      const made = await store.log.append([1, 2, 3].map((n) => ({ topic: 't', data: n })));
      const consumers = new LogConsumers();
      const remove = consumers.add('segments');
      const trimmer = new LogTrimmer(store.log, { retentionMs: 60_000, everyMs: 10_000, consumers: () => consumers.list() });
      trimmer.tick(made[2].seq, () => {}, 0);
      trimmer.tick(made[2].seq, () => {}, 61_000);
      await trimmer.running;
      expect(await store.log.firstSeq()).toBe(made[0].seq); // position 0: nothing read
      remove();
      trimmer.tick(made[2].seq, () => {}, 72_000);
      await trimmer.running;
      expect(await store.log.firstSeq()).toBe(made[2].seq + 1);
    } finally {
      await store.close();
    }
  });
});
