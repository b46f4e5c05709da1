import type { AppDefinition } from '@tessera/core';
import type { CollectionSpec, Store, StoredDoc } from '@tessera/core/store';
import { recordCollectionName } from '../storage-plan';
import { APP_VERSIONS } from '../platform-collections';
import type { Change, ChangeFeed, RecordChange } from './change-feed.port';
import type { ChangeContext } from './change-context';

/**
 * The ChangeFeed contract: the same cases against every feed (change-feed.contract.test.ts runs
 * them on the in-process feed, on two SQLite feeds sharing a file, and on two MongoDB feeds when
 * TESSERA_TEST_MONGODB_URI is set). Writes go through the store exactly as the records service
 * does them: record, `log` inside the transaction, `publish` after the commit.
 */

export interface FeedSide {
  store: Store;
  feed: ChangeFeed;
}

export interface FeedHarness extends FeedSide {
  /** A second process on the same data; only feeds shared by several processes have one. */
  peer?: FeedSide;
  close(): Promise<void>;
}

export const APPS = ['feed-a', 'feed-b'];
const ENTITY = 'note';

/** A definition as far as feeds care (they pass it through): never validated here. */
export const definitionOf = (appId: string) => ({ id: appId, entities: [{ id: ENTITY, fields: [] }] }) as unknown as AppDefinition;

/** Collections a harness ensures before its feeds start (MongoDB enables pre-images on the existing ones). */
export const CONTRACT_COLLECTIONS: CollectionSpec[] = [
  ...APPS.map((appId) => ({ name: recordCollectionName(appId, ENTITY), fields: [{ name: 'owner', kind: 'string' as const }] })),
  { name: APP_VERSIONS, fields: [{ name: 'appId', kind: 'string' as const }] },
];

/** The platform's part, played by a fixed definition; the resolved record shows it was enriched by the reader. */
export function contractContext(): ChangeContext & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async resolve(appId, _entity, records, enrich) {
      calls.push(`resolve ${appId} ${enrich}`);
      if (!APPS.includes(appId)) return null;
      return { definition: definitionOf(appId), records: enrich ? records.map((r) => ({ ...r, enriched: true })) : records };
    },
    async published(appId) {
      calls.push(`published ${appId}`);
    },
    async appIds() {
      return APPS;
    },
  };
}

/** Creates, updates or deletes one record as the records service does. */
export async function write(
  side: FeedSide,
  appId: string,
  op: { create: Record<string, unknown> } | { update: string; patch: Record<string, unknown> } | { delete: string },
  rollback = false,
): Promise<RecordChange> {
  let change!: RecordChange;
  const run = side.store.transaction(async (tx) => {
    const coll = tx.collection(recordCollectionName(appId, ENTITY));
    let record: StoredDoc;
    let before: StoredDoc | undefined;
    let type: RecordChange['type'];
    if ('create' in op) {
      record = await coll.insert(op.create);
      type = 'created';
    } else if ('update' in op) {
      before = (await coll.get(op.update))!;
      record = await coll.update(op.update, op.patch);
      type = 'updated';
    } else {
      record = (await coll.get(op.delete))!;
      await coll.delete(op.delete);
      type = 'deleted';
    }
    change = { appId, type, entity: ENTITY, id: record.id, version: record.version, record, ...(before ? { before } : {}) };
    await side.feed.log(tx, [change]);
    if (rollback) throw new Error('rolled back on purpose');
  });
  if (rollback) {
    await expect(run).rejects.toThrow('rolled back on purpose');
    return change;
  }
  await run;
  side.feed.publish({ ...change, kind: 'change', definition: definitionOf(appId) });
  return change;
}

/** A new published version, as Apps.publish records it. */
export async function publishVersion(side: FeedSide, appId: string, version: number): Promise<void> {
  await side.store.transaction(async (tx) => {
    await tx.collection(APP_VERSIONS).insert({ appId, number: version, definition: definitionOf(appId) });
  });
  side.feed.publish({ appId, kind: 'published', version });
}

export interface Collected {
  changes: Change[];
  next(match: (c: Change) => boolean, ms?: number): Promise<Change>;
  stop(): void;
}

export function collect(feed: ChangeFeed, appId: string): Collected {
  const changes: Change[] = [];
  const waiters: Array<() => void> = [];
  const stop = feed.subscribe(appId, (c) => {
    changes.push(c);
    waiters.splice(0).forEach((w) => w());
  });
  return {
    changes,
    stop,
    next(match, ms = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `no matching change within ${ms} ms; got ${JSON.stringify(changes.map((c) => [c.seq, c.kind, 'type' in c ? c.type : '']))}`,
              ),
            ),
          ms,
        );
        const check = () => {
          const found = changes.find(match);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}

export const isChange = (id: string, type?: string) => (c: Change) =>
  c.kind === 'change' && c.id === id && (type === undefined || c.type === type);

/** `shared`: the harness has a `peer`, and the cases about several processes run too. */
export function describeChangeFeedContract(
  name: string,
  open: (ctx: ChangeContext) => Promise<FeedHarness>,
  { shared = false } = {},
): void {
  describe(`ChangeFeed contract: ${name}`, () => {
    let h: FeedHarness;
    let ctx: ReturnType<typeof contractContext>;
    const subs: Collected[] = [];
    const sub = (side: FeedSide, appId = APPS[0]) => {
      const s = collect(side.feed, appId);
      subs.push(s);
      return s;
    };

    beforeEach(async () => {
      ctx = contractContext();
      h = await open(ctx);
    });
    afterEach(async () => {
      subs.splice(0).forEach((s) => s.stop());
      await h.close();
    });

    it('delivers each committed change to the subscribers of its app, in commit order, with increasing ids', async () => {
      const a = sub(h);
      const b = sub(h, APPS[1]);
      const created = await write(h, APPS[0], { create: { title: 'one', owner: 'ann' } });
      await write(h, APPS[1], { create: { title: 'other app' } });
      await write(h, APPS[0], { update: created.id, patch: { title: 'two' } });
      await write(h, APPS[0], { delete: created.id });
      await a.next(isChange(created.id, 'deleted'));
      expect(a.changes.map((c) => c.kind === 'change' && [c.type, c.id, c.version])).toEqual([
        ['created', created.id, 1],
        ['updated', created.id, 2],
        ['deleted', created.id, 2],
      ]);
      const ids = a.changes.map((c) => c.seq);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      expect(new Set(ids).size).toBe(3);
      await b.next((c) => c.kind === 'change' && c.type === 'created');
      expect(b.changes).toHaveLength(1);
      expect(h.feed.lastSeq).toBeGreaterThanOrEqual(ids[2]);
    });

    it('carries what subscribers are filtered with: the whole record, the record before an update, the deleted record', async () => {
      const a = sub(h);
      const created = await write(h, APPS[0], { create: { title: 't', owner: 'ann', secret: 's3' } });
      await write(h, APPS[0], { update: created.id, patch: { owner: 'bob' } });
      await write(h, APPS[0], { delete: created.id });
      const made = await a.next(isChange(created.id, 'created'));
      expect(made).toMatchObject({
        appId: APPS[0],
        entity: ENTITY,
        record: { id: created.id, owner: 'ann', secret: 's3' },
        definition: { id: APPS[0] },
      });
      expect(await a.next(isChange(created.id, 'updated'))).toMatchObject({ record: { owner: 'bob' }, before: { owner: 'ann' } });
      expect(await a.next(isChange(created.id, 'deleted'))).toMatchObject({ record: { id: created.id, owner: 'bob' } });
    });

    it('never announces a change whose transaction rolled back', async () => {
      const a = sub(h);
      const lost = await write(h, APPS[0], { create: { title: 'rolled back' } }, true);
      const kept = await write(h, APPS[0], { create: { title: 'kept' } });
      await a.next(isChange(kept.id));
      expect(a.changes.some(isChange(lost.id))).toBe(false);
    });

    it('replays what came after an id, for the app asked; gives null for ids it cannot replay', async () => {
      const a = sub(h);
      const first = await write(h, APPS[0], { create: { title: '1' } });
      await write(h, APPS[1], { create: { title: 'b' } });
      const second = await write(h, APPS[0], { create: { title: '2' } });
      const third = await write(h, APPS[0], { create: { title: '3' } });
      await a.next(isChange(third.id));
      const seqOf = (id: string) => a.changes.find(isChange(id))!.seq;
      expect(h.feed.since(APPS[0], seqOf(first.id))!.map((c) => c.kind === 'change' && c.id)).toEqual([second.id, third.id]);
      expect(h.feed.since(APPS[0], seqOf(third.id))).toEqual([]);
      expect(h.feed.since(APPS[0], h.feed.lastSeq)).toEqual([]);
      expect(h.feed.since(APPS[0], h.feed.lastSeq + 1000)).toBeNull(); // never handed out here
      expect(h.feed.since(APPS[0], 1)).toBeNull(); // from before this process started
      expect(h.feed.since(APPS[0], Number.NaN)).toBeNull();
    });

    it('announces a new published version', async () => {
      const a = sub(h);
      await publishVersion(h, APPS[0], 7);
      expect(await a.next((c) => c.kind === 'published')).toMatchObject({ appId: APPS[0], kind: 'published', version: 7 });
    });

    if (!shared) return;
    describe('shared by several processes', () => {
      const withPeer = (fn: (h: FeedHarness & { peer: FeedSide }) => Promise<void>) => async () => {
        if (!h.peer) throw new Error('a shared feed harness needs a peer');
        await fn(h as FeedHarness & { peer: FeedSide });
      };

      it(
        "delivers another process's changes with the same ids it has there, enriched and resolved here",
        withPeer(async (h) => {
          const here = sub(h);
          const there = sub(h.peer);
          const created = await write(h.peer, APPS[0], { create: { title: 'from the peer', owner: 'ann' } });
          await write(h.peer, APPS[0], { delete: created.id });
          const heard = await here.next(isChange(created.id, 'created'));
          expect(heard).toMatchObject({ record: { title: 'from the peer', enriched: true }, definition: { id: APPS[0] } });
          expect((await here.next(isChange(created.id, 'deleted'))) as Change).toMatchObject({ record: { id: created.id, owner: 'ann' } });
          await there.next(isChange(created.id, 'deleted'));
          expect(here.changes.map((c) => c.seq)).toEqual(there.changes.map((c) => c.seq));
          expect(ctx.calls).toContain(`resolve ${APPS[0]} false`); // deletes are not enriched
        }),
      );

      it(
        "interleaves both processes' changes in one order, the same in each, replayable in either",
        withPeer(async (h) => {
          const here = sub(h);
          const there = sub(h.peer);
          const ids: string[] = [];
          for (let i = 0; i < 6; i++) ids.push((await write(i % 2 ? h.peer : h, APPS[0], { create: { title: `n${i}` } })).id);
          await publishVersion(h.peer, APPS[0], 2);
          for (const s of [here, there]) {
            await s.next((c) => c.kind === 'published');
            expect(s.changes.filter((c) => c.kind === 'change').map((c) => c.kind === 'change' && c.id)).toEqual(ids);
          }
          expect(here.changes.map((c) => c.seq)).toEqual(there.changes.map((c) => c.seq));
          expect(ctx.calls).toContain(`published ${APPS[0]}`);
          const after = here.changes[1].seq;
          expect(h.feed.since(APPS[0], after)!.map((c) => c.seq)).toEqual(h.peer.feed.since(APPS[0], after)!.map((c) => c.seq));
        }),
      );
    });
  });
}
