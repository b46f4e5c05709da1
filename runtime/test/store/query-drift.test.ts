import { afterAll, describe, expect, it } from '@jest/globals';
import { addRollups, aggregateByBucket, type Entity } from '@tessera/core';
import { matchesFilter } from '@tessera/core/query';
import { createMemoryStore } from '@tessera/core/store';
import { createSqliteStore, type Collection, type Store } from '../../src/store';

/**
 * Each drift the review found between the browser's old query copy and the server, shown gone:
 * the server's store (SQLite), core's memory store (the builder preview's demo data) and core's
 * matcher (live updates in the browser) give one answer.
 */
const sqlite = createSqliteStore({ file: ':memory:' });
const memory = createMemoryStore();
afterAll(async () => {
  await sqlite.close();
  await memory.close();
});
let n = 0;

async function both(docs: Array<Record<string, unknown>>): Promise<Array<[string, Collection]>> {
  const name = `drift${++n}`;
  const out: Array<[string, Collection]> = [];
  for (const [kind, store] of [
    ['server', sqlite],
    ['preview', memory],
  ] as Array<[string, Store]>) {
    const c = await store.ensureCollection({
      name,
      fields: [
        { name: 'd', kind: 'date' },
        { name: 'x', kind: 'number' },
      ],
    });
    await c.insertMany(docs);
    out.push([kind, c]);
  }
  return out;
}

const ids = async (c: Collection, filter: Record<string, unknown>) =>
  (await c.find({ filter: filter as never, limit: 1000 })).items.map((d) => d.id);

describe('one query semantics in server and browser', () => {
  it('{ f: { $exists: true } } matches f: null, as on the server', async () => {
    for (const [, c] of await both([{ id: 'a', f: null }, { id: 'b' }])) expect(await ids(c, { f: { $exists: true } })).toEqual(['a']);
    expect(matchesFilter({ id: 'a', f: null }, { f: { $exists: true } })).toBe(true);
  });

  it('{ f: { $gt: "4" } } does not match f: 5 (no comparison across types)', async () => {
    for (const [, c] of await both([
      { id: 'a', f: 5 },
      { id: 'b', f: '5' },
    ]))
      expect(await ids(c, { f: { $gt: '4' } })).toEqual(['b']);
    expect(matchesFilter({ id: 'a', f: 5 }, { f: { $gt: '4' } })).toBe(false);
  });

  it('a string never equals a number, on system fields too: { version: { $eq: "1" } } matches nothing (Hardening 23)', async () => {
    for (const [, c] of await both([{ id: 'a', f: 1 }])) {
      expect(await ids(c, { version: { $eq: '1' } })).toEqual([]);
      expect(await ids(c, { version: { $in: ['1'] } })).toEqual([]);
      expect(await ids(c, { version: { $in: ['1', 1] } })).toEqual(['a']);
      expect(await ids(c, { version: { $ne: '1' } })).toEqual(['a']);
      expect(await ids(c, { id: { $eq: 0 } })).toEqual([]);
      expect(await ids(c, { version: 1 })).toEqual(['a']);
    }
    expect(matchesFilter({ id: 'a', version: 1 }, { version: { $eq: '1' } })).toBe(false);
  });

  it('refuses an integer beyond 2^53 in a filter instead of comparing it wrongly (Hardening 23)', async () => {
    for (const [, c] of await both([{ id: 'a', x: 9007199254740991 }])) {
      for (const filter of [{ x: { $eq: 1152921504606847200 } }, { x: { $gte: 2 ** 60 } }, { x: { $in: [1, -(2 ** 54)] } }])
        await expect(ids(c, filter)).rejects.toThrow(/cannot be compared exactly/);
      expect(await ids(c, { x: { $eq: 9007199254740991 } })).toEqual(['a']);
    }
  });

  it('sorting s ascending over b, B, a gives the server order B, a, b (bytes, not locale)', async () => {
    for (const [, c] of await both([
      { id: '1', s: 'b' },
      { id: '2', s: 'B' },
      { id: '3', s: 'a' },
    ])) {
      expect((await c.find({ sort: [{ field: 's', dir: 'asc' }] })).items.map((d) => d.s)).toEqual(['B', 'a', 'b']);
    }
  });

  it('week and quarter buckets of 2026-03-15 are 2026-W11 and 2026-Q1 in both', async () => {
    for (const [, c] of await both([
      { id: 'a', d: '2026-03-15', x: 2 },
      { id: 'b', d: '2026-03-16', x: 3 },
    ])) {
      const run = (o: Parameters<Collection['aggregate']>[0]) => c.aggregate(o);
      expect(await aggregateByBucket(run, { groupBy: ['d'], metrics: [{ op: 'sum', field: 'x', as: 'v' }], bucket: 'week' })).toEqual([
        { d: '2026-W11', v: 2 },
        { d: '2026-W12', v: 3 },
      ]);
      expect(await aggregateByBucket(run, { groupBy: ['d'], metrics: [{ op: 'sum', field: 'x', as: 'v' }], bucket: 'quarter' })).toEqual([
        { d: '2026-Q1', v: 5 },
      ]);
    }
  });

  it('a sum over no rows is 0 in both, for aggregates and rollups', async () => {
    const entity = {
      id: 'company',
      fields: [{ id: 'total', type: 'rollup', entity: 'deal', via: 'company', aggregate: 'sum', field: 'x' }],
    } as unknown as Entity;
    for (const [, c] of await both([])) {
      expect(await c.aggregate({ metrics: [{ op: 'sum', field: 'x', as: 'v' }] })).toEqual([{ v: 0 }]);
      expect(await addRollups(() => c, entity, [{ id: 'co1' }])).toEqual([{ id: 'co1', total: 0 }]);
    }
  });
});
