import { validateDefinition, type AppDefinition } from '@tessera/core';
import { rbacApp } from '../../../test/helpers/members';
import { recordCollectionName } from '../storage-plan';
import type { Caller } from '../policy/policy.types';
import type { Change } from './change-feed.port';
import type { ChangeContext } from './change-context';
import { messageFor } from './live-filter';
import { MongoChangeFeed, type ChangeCursor, type ChangeStreamDb } from './mongo.change-feed';
import { IDS_PER_SECOND, PREFIX_LENGTH, RECORD_COLLECTION, WATCH_PIPELINE, type MongoChangeEvent } from './mongo.change-events';

/**
 * The MongoDB feed against a fake of the driver's `db.watch()` cursor (the driver and the server
 * are the outside world here; the contract suite runs the real thing when TESSERA_TEST_MONGODB_URI
 * is set).
 */

const checked = validateDefinition(rbacApp('mongo-live'));
if (!checked.ok) throw new Error('the rbac test app must be valid');
const definition: AppDefinition = checked.definition;
const APP = 'mongo-live';
const DEALS = recordCollectionName(APP, 'deal');
const S = 1_750_000_000; // a cluster second

/** A change stream cursor fed by the test: events, or an error the driver gave up on. */
class FakeCursor implements ChangeCursor {
  private readonly queue: Array<MongoChangeEvent | Error> = [];
  private wake?: () => void;
  closed = false;

  constructor(readonly pipeline: object[], readonly options: Record<string, any>) {} // eslint-disable-line @typescript-eslint/no-explicit-any

  push(item: MongoChangeEvent | Error): void {
    this.queue.push(item);
    this.wake?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<MongoChangeEvent> {
    while (!this.closed) {
      const item = this.queue.shift();
      if (!item) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      if (item instanceof Error) throw item;
      yield item;
    }
  }
}

class FakeDb implements ChangeStreamDb {
  readonly cursors: FakeCursor[] = [];
  readonly commands: Array<Record<string, unknown>> = [];
  second = S;
  collections = ['_users', '_app_versions', DEALS];
  collModFails = false;
  private opened?: () => void;

  watch(pipeline: object[], options: Record<string, unknown>): FakeCursor {
    const cursor = new FakeCursor(pipeline, options);
    this.cursors.push(cursor);
    this.opened?.();
    return cursor;
  }

  async command(command: Record<string, unknown>): Promise<Record<string, unknown>> {
    this.commands.push(command);
    if ('hello' in command) return { isWritablePrimary: true, operationTime: { t: this.second, i: 9 } };
    if (this.collModFails) throw Object.assign(new Error('not authorized on db to execute command { collMod }'), { code: 13 });
    return { ok: 1 };
  }

  listCollections() {
    return { toArray: async () => this.collections.map((name) => ({ name })) };
  }

  get cursor(): FakeCursor {
    return this.cursors[this.cursors.length - 1];
  }

  /** Resolves once the feed has opened its n-th stream. */
  async opening(n: number): Promise<FakeCursor> {
    while (this.cursors.length < n) await new Promise<void>((resolve) => (this.opened = resolve));
    return this.cursors[n - 1];
  }
}

function context(calls: string[] = []): ChangeContext {
  return {
    async resolve(appId, entity, records, enrich) {
      calls.push(`resolve ${appId} ${entity} ${enrich}`);
      if (appId !== APP) return null;
      return { definition, records: enrich ? records.map((r) => ({ ...r, weighted: Number(r.amount ?? 0) * 2 })) : records };
    },
    async published(appId) {
      calls.push(`published ${appId}`);
    },
    async appIds() {
      return ['other-app', APP];
    },
  };
}

let token = 0;
const doc = (id: string, fields: Record<string, unknown>, version = 1) => ({ _id: id, version, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', ...fields });
function event(operationType: string, t: number, fields: Partial<MongoChangeEvent> & { coll?: string } = {}): MongoChangeEvent {
  const { coll = DEALS, ...rest } = fields;
  return { _id: { _data: `token-${++token}` }, operationType, clusterTime: { t, i: token }, ns: { db: 'tessera', coll }, ...rest };
}
const insert = (t: number, id: string, fields: Record<string, unknown>) => event('insert', t, { documentKey: { _id: id }, fullDocument: doc(id, fields) });

async function open(db: FakeDb, calls: string[] = [], warnings: string[] = []) {
  const feed = new MongoChangeFeed(db, context(calls), (_obj, msg) => warnings.push(msg), { retryMs: 0 });
  await feed.start();
  const changes: Change[] = [];
  const waiters: Array<() => void> = [];
  feed.subscribe(APP, (c) => {
    changes.push(c);
    waiters.splice(0).forEach((w) => w());
  });
  const count = async (n: number) => {
    while (changes.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
    return changes;
  };
  return { feed, changes, count };
}

const caller = (email: string, roles: string[]): Caller => ({ user: { id: email, email, name: email }, bypass: false, roles, team: null, teamOwners: [] });
const rep1 = caller('rep1@t.test', ['rep']);
const auditor = caller('auditor@t.test', ['auditor']);

const feeds: MongoChangeFeed[] = [];
afterEach(async () => {
  for (const f of feeds.splice(0)) await f.close();
});
async function started(db: FakeDb, calls?: string[], warnings?: string[]) {
  const o = await open(db, calls, warnings);
  feeds.push(o.feed);
  return o;
}

describe('MongoChangeFeed (fake change stream)', () => {
  it('watches records collections and published versions from the start of the cluster second, with full documents and pre-images', async () => {
    const db = new FakeDb();
    const { feed } = await started(db);
    expect(db.cursors).toHaveLength(1);
    expect(db.cursor.pipeline).toBe(WATCH_PIPELINE);
    expect(db.cursor.options).toMatchObject({ fullDocument: 'updateLookup', fullDocumentBeforeChange: 'whenAvailable' });
    expect([db.cursor.options.startAtOperationTime.t, db.cursor.options.startAtOperationTime.i]).toEqual([S, 0]);
    expect(db.commands.filter((c) => 'collMod' in c)).toEqual([{ collMod: DEALS, changeStreamPreAndPostImages: { enabled: true } }]);
    expect(feed.since(APP, feed.lastSeq)).toEqual([]);
    expect(feed.since(APP, S * IDS_PER_SECOND - 2)).toBeNull(); // before this process started reading
  });

  it('maps inserts, updates, replaces and deletes to changes, resolved and enriched through the platform', async () => {
    const db = new FakeDb();
    const calls: string[] = [];
    const { count } = await started(db, calls);
    const before = doc('d1', { name: 'Deal', amount: 2, owner: 'rep1@t.test' });
    const after = doc('d1', { name: 'Deal', amount: 5, owner: 'rep1@t.test' }, 2);
    db.cursor.push(insert(S, 'd1', { name: 'Deal', amount: 2, owner: 'rep1@t.test' }));
    db.cursor.push(event('update', S, { documentKey: { _id: 'd1' }, fullDocument: after, fullDocumentBeforeChange: before }));
    db.cursor.push(event('replace', S, { documentKey: { _id: 'd1' }, fullDocument: doc('d1', { name: 'Replaced', owner: 'rep1@t.test' }, 3) }));
    db.cursor.push(event('delete', S + 1, { documentKey: { _id: 'd1' }, fullDocumentBeforeChange: doc('d1', { name: 'Replaced', owner: 'rep1@t.test' }, 3) }));
    const changes = await count(4);
    expect(changes.map((c) => c.kind === 'change' && [c.seq, c.type, c.id, c.version])).toEqual([
      [S * IDS_PER_SECOND, 'created', 'd1', 1],
      [S * IDS_PER_SECOND + 1, 'updated', 'd1', 2],
      [S * IDS_PER_SECOND + 2, 'updated', 'd1', 3],
      [(S + 1) * IDS_PER_SECOND, 'deleted', 'd1', 3],
    ]);
    expect(changes[0]).toMatchObject({ appId: APP, entity: 'deal', record: { id: 'd1', amount: 2, weighted: 4 }, definition: { id: APP } });
    expect(changes[1]).toMatchObject({ record: { amount: 5, weighted: 10 }, before: { amount: 2 } });
    expect(changes[2]).not.toHaveProperty('before'); // no pre-image for that one
    expect(changes[3]).toMatchObject({ record: { id: 'd1', name: 'Replaced', owner: 'rep1@t.test' } });
    expect(calls).toContain(`resolve ${APP} deal false`); // deletes are not enriched
    expect(messageFor(changes[3], rep1, null)).toMatchObject({ event: 'change', data: { type: 'deleted', id: 'd1' } });
  });

  it('a delete without a pre-image reaches only subscribers who may read every row; an update made after a delete is dropped', async () => {
    const db = new FakeDb();
    const { count, feed } = await started(db);
    db.cursor.push(event('update', S, { documentKey: { _id: 'gone' }, fullDocument: null })); // updateLookup found nothing
    db.cursor.push(event('delete', S, { documentKey: { _id: 'd2' } }));
    const [deleted] = await count(1);
    expect(deleted).toMatchObject({ kind: 'change', type: 'deleted', id: 'd2', record: { id: 'd2' } });
    expect(deleted.seq).toBe(S * IDS_PER_SECOND + 1); // the dropped update still took its id
    expect(messageFor(deleted, rep1, null)).toBeNull(); // own rows: whose it was is unknown, so not told
    expect(messageFor(deleted, auditor, null)).toMatchObject({ event: 'change', data: { type: 'deleted', id: 'd2' } });
    expect(feed.lastSeq).toBe(deleted.seq);
  });

  it('gives every process the same ids for the same changes, whichever second it started in', async () => {
    const early = new FakeDb();
    const late = new FakeDb();
    late.second = S + 1;
    const a = await started(early);
    const b = await started(late);
    const second = [insert(S + 1, 'x', { name: 'x' }), insert(S + 1, 'y', { name: 'y' }), insert(S + 2, 'z', { name: 'z' })];
    for (const e of [insert(S, 'w', { name: 'w' }), ...second]) early.cursor.push(e);
    for (const e of second) late.cursor.push(e); // the late stream opened at S + 1: it never sees w
    const ids = (changes: Change[]) => changes.map((c) => c.kind === 'change' && `${c.id} ${c.seq}`);
    expect(ids(await a.count(4)).slice(1)).toEqual(ids(await b.count(3)));
    expect(ids(b.changes)).toEqual([`x ${(S + 1) * IDS_PER_SECOND}`, `y ${(S + 1) * IDS_PER_SECOND + 1}`, `z ${(S + 2) * IDS_PER_SECOND}`]);
    expect(a.feed.since(APP, (S + 1) * IDS_PER_SECOND)!.map((c) => c.seq)).toEqual(b.feed.since(APP, (S + 1) * IDS_PER_SECOND)!.map((c) => c.seq));
  });

  it('skips changes of unknown apps and other collections, and announces published versions after refreshing the definition', async () => {
    const db = new FakeDb();
    const calls: string[] = [];
    const { count, feed } = await started(db, calls);
    db.cursor.push({ ...insert(S, 'o', { name: 'orphan' }), ns: { db: 'tessera', coll: recordCollectionName('deleted-app', 'deal') } });
    db.cursor.push(event('insert', S, { coll: '_users', documentKey: { _id: 'u' }, fullDocument: doc('u', { email: 'x' }) }));
    db.cursor.push(insert(S, 'k', { name: 'known' }));
    db.collections.push(recordCollectionName(APP, 'lead'));
    db.cursor.push(event('insert', S, { coll: '_app_versions', documentKey: { _id: 'v' }, fullDocument: doc('v', { appId: APP, number: 3, definition: {} }) }));
    const changes = await count(2);
    expect(changes[0]).toMatchObject({ seq: S * IDS_PER_SECOND + 2, kind: 'change', id: 'k' });
    expect(changes[1]).toEqual({ seq: S * IDS_PER_SECOND + 3, appId: APP, kind: 'published', version: 3 });
    expect(calls.filter((c) => c.startsWith('published'))).toEqual([`published ${APP}`]);
    expect(db.commands.filter((c) => c.collMod === recordCollectionName(APP, 'lead'))).toHaveLength(1); // a new entity's collection
    expect(feed.lastSeq).toBe(S * IDS_PER_SECOND + 3);
  });

  it('after the driver gives up on an error, reopens after the last change it handled, without a reset', async () => {
    const db = new FakeDb();
    const warnings: string[] = [];
    const { count } = await started(db, [], warnings);
    const first = insert(S, 'a', { name: 'a' });
    db.cursor.push(first);
    await count(1);
    db.cursor.push(Object.assign(new Error('connection 3 to db:27017 closed'), { name: 'MongoNetworkError' }));
    const reopened = await db.opening(2);
    expect(reopened.options.startAfter).toEqual(first._id);
    expect(reopened.options).not.toHaveProperty('startAtOperationTime');
    reopened.push(insert(S + 3, 'b', { name: 'b' }));
    const changes = await count(2);
    expect(changes.map((c) => c.kind)).toEqual(['change', 'change']);
    expect(changes[1].seq).toBe((S + 3) * IDS_PER_SECOND);
    expect(warnings).toEqual(['live: the change stream failed; reopening']);
  });

  it('when the oplog no longer has its place, reads on from now and tells every subscriber to reload', async () => {
    const db = new FakeDb();
    const warnings: string[] = [];
    const { count, feed } = await started(db, [], warnings);
    db.cursor.push(insert(S, 'a', { name: 'a' }));
    const [first] = await count(1);
    db.second = S + 600;
    db.cursor.push(Object.assign(new Error('Resume of change stream was not possible, as the resume point may no longer be in the oplog.'), { code: 286 }));
    const reopened = await db.opening(2);
    expect(reopened.options.startAtOperationTime.t).toBe(S + 600);
    expect(reopened.options).not.toHaveProperty('startAfter');
    const [, reset] = await count(2);
    expect(reset).toEqual({ seq: (S + 600) * IDS_PER_SECOND - 1, appId: APP, kind: 'reset' });
    expect(messageFor(reset, rep1, null)).toEqual({ event: 'reset', id: reset.seq, data: {} });
    expect(feed.since(APP, first.seq)).toBeNull();
    reopened.push(insert(S + 600, 'b', { name: 'b' }));
    expect((await count(3))[2].seq).toBe((S + 600) * IDS_PER_SECOND);
    expect(warnings).toEqual(['live: the change stream lost its place in the oplog; subscribers reload']);
  });

  it('works without pre-images when they cannot be enabled, and says so once', async () => {
    const db = new FakeDb();
    db.collModFails = true;
    const warnings: string[] = [];
    const { count } = await started(db, [], warnings);
    db.cursor.push(insert(S, 'a', { name: 'a' }));
    await count(1);
    expect(warnings).toEqual(['live: cannot enable change stream pre-images (MongoDB 6+); deletes reach only subscribers who may read every row']);
  });

  it('close() ends the stream, also while it waits to reopen one', async () => {
    const db = new FakeDb();
    const { feed } = await open(db);
    await feed.close();
    expect(db.cursor.closed).toBe(true);
    expect(db.cursors).toHaveLength(1);

    const failing = new FakeDb();
    const slow = new MongoChangeFeed(failing, context(), () => {}, { retryMs: 3_600_000 });
    await slow.start();
    failing.cursor.push(new Error('server selection timed out'));
    await new Promise((r) => setImmediate(r));
    await slow.close(); // does not wait out the hour
    expect(failing.cursors).toHaveLength(1);
  });

  it('finds the app of a records collection by the prefix storage-plan gives it', () => {
    const name = recordCollectionName('some-app', 'contact');
    expect(RECORD_COLLECTION.test(name)).toBe(true);
    expect(name.slice(PREFIX_LENGTH)).toBe('contact');
    expect(name.slice(0, PREFIX_LENGTH)).toBe(recordCollectionName('some-app', ''));
  });
});
