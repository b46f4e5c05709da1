import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Query } from 'mingo';
import { createMemoryStore } from '@tessera/core/store';
import {
  createSqliteStore,
  type Collection,
  type Doc,
  type CollectionSpec,
  type Filter,
  type SortKey,
  type Store,
  type StoredDoc,
} from '../../src/store';
import { docsArb, filterArb, PROP_SPEC, sortArb } from './filter.arbitraries';

/**
 * The sqlite adapter must select exactly what mingo (MongoDB's query semantics in JS) selects,
 * sort like MongoDB (null/missing first ascending, ties by id) and page without loss. The memory
 * target (filter.memory.ts, sort.memory.ts through the memory store) must agree with both: where
 * mingo and SQLite would differ, the oracle below encodes the intended (SQLite's) semantics.
 */
const sqlite = createSqliteStore({ file: ':memory:' });
const memory = createMemoryStore();
afterAll(async () => {
  await sqlite.close();
  await memory.close();
});
let runs = 0;

async function loadInto(store: Store, spec: CollectionSpec, docs: Doc[]): Promise<{ c: Collection; stored: StoredDoc[] }> {
  const c = await store.ensureCollection(spec);
  await c.insertMany(docs);
  const stored = (await c.find({ limit: 1000 })).items;
  return { c, stored };
}

/** The same documents in both stores (system fields kept, so createdAt sorts compare equal). */
async function load(docs: Doc[], specOf = PROP_SPEC): Promise<{ c: Collection; m: Collection; stored: StoredDoc[] }> {
  const spec = specOf(`p${++runs}`);
  const { c, stored } = await loadInto(sqlite, spec, docs);
  const m = await memory.ensureCollection(spec);
  await m.insertMany(stored, { keepSystemFields: true });
  return { c, m, stored };
}

function at(doc: Doc, path: string): unknown {
  let cur: unknown = doc;
  for (const p of path.split('.')) cur = cur !== null && typeof cur === 'object' ? (cur as Doc)[p] : undefined;
  return cur ?? null;
}

/** MongoDB order for type-consistent fields: null/missing lowest, then natural order; ties by id, in the last key's direction. */
function memorySort(docs: StoredDoc[], sort: SortKey[]): string[] {
  const cmp = (a: unknown, b: unknown) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : (a as number) < (b as number) ? -1 : 1);
  return [...docs]
    .sort((x, y) => {
      for (const k of sort) {
        const r = cmp(at(x, k.field), at(y, k.field));
        if (r !== 0) return k.dir === 'asc' ? r : -r;
      }
      const byId = x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
      return sort.at(-1)?.dir === 'desc' ? -byId : byId;
    })
    .map((d) => d.id);
}

const OPTS = { numRuns: 250, interruptAfterTimeLimit: 60_000 };

async function walk(c: Collection, filter: Filter, sort: SortKey[], limit: number, max: number): Promise<string[]> {
  const paged: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await c.find({ filter, sort, limit, cursor });
    paged.push(...page.items.map((d) => d.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && paged.length <= max);
  return paged;
}

describe('sqlite and memory filters and sorts agree with mingo / MongoDB semantics', () => {
  it('random filters select the same ids as mingo, in both stores', async () => {
    await fc.assert(
      fc.asyncProperty(docsArb, fc.array(filterArb, { minLength: 1, maxLength: 4 }), async (docs, filters) => {
        const { c, m, stored } = await load(docs);
        for (const filter of filters) {
          const want = new Query(filter as Record<string, unknown>)
            .find<StoredDoc>(stored)
            .all()
            .map((d) => d.id)
            .sort();
          const got = (await c.find({ filter, limit: 1000 })).items.map((d) => d.id).sort();
          const inMemory = (await m.find({ filter, limit: 1000 })).items.map((d) => d.id).sort();
          expect({ filter, got }).toEqual({ filter, got: want });
          expect({ filter, inMemory }).toEqual({ filter, inMemory: got });
          expect(await c.count(filter)).toBe(want.length);
          expect(await m.count(filter)).toBe(want.length);
        }
      }),
      OPTS,
    );
  });

  it('random sorts order like an in-memory MongoDB-style sort, in both stores', async () => {
    await fc.assert(
      fc.asyncProperty(docsArb, sortArb, async (docs, sort) => {
        const { c, m, stored } = await load(docs);
        const got = (await c.find({ sort, limit: 1000 })).items.map((d) => d.id);
        expect(got).toEqual(memorySort(stored, sort));
        expect((await m.find({ sort, limit: 1000 })).items.map((d) => d.id)).toEqual(got);
      }),
      OPTS,
    );
  });

  it('walking cursor pages equals the unpaged result, in both stores', async () => {
    await fc.assert(
      fc.asyncProperty(docsArb, filterArb, sortArb, fc.integer({ min: 1, max: 7 }), async (docs, filter, sort, limit) => {
        const { c, m } = await load(docs);
        const full = (await c.find({ filter, sort, limit: 1000 })).items.map((d) => d.id);
        expect(await walk(c, filter, sort, limit, full.length)).toEqual(full);
        expect(await walk(m, filter, sort, limit, full.length)).toEqual(full);
      }),
      OPTS,
    );
  });
});

/**
 * Mixed types (a field holding strings, numbers, booleans, objects, arrays and nulls across
 * documents) are outside mingo's reach as an oracle (its type brackets differ from SQLite's), so
 * here the memory target is checked against SQLite itself: same ids, same order, same aggregates.
 */
const anyValue = fc.oneof(
  fc.constantFrom('a', 'B', 'b', '', '4', '10', 'é', '\u{1F600}', '\uFF5E', 'true', '[1]', '{"x":1}'),
  fc.constantFrom(0, 1, -1, 4, 5, 10, 0.5, 2.25),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom([], ['a'], [1, 'a'], [null], [true]),
  fc.constantFrom({}, { x: 1 }, { x: 'a' }),
);
const MIXED_SPEC = (name: string): CollectionSpec => ({
  name,
  fields: [
    { name: 's', kind: 'string', indexed: true },
    { name: 't', kind: 'json' },
    { name: 'o', kind: 'json' },
    { name: 'a', kind: 'array' },
  ],
});
const mixedDocsArb = fc
  .array(fc.record({ s: anyValue, t: anyValue, o: fc.oneof(anyValue, fc.record({ x: anyValue })), a: anyValue }), { maxLength: 20 })
  .map((docs) =>
    docs.map((d, i) => {
      const out: Doc = { id: `m${String(i).padStart(2, '0')}` };
      for (const [k, v] of Object.entries(d)) if (v !== undefined) out[k] = v;
      return out;
    }),
  );
const operand = fc.oneof(
  fc.constantFrom('a', 'B', '4', '10', '', '[1]', 'true'),
  fc.constantFrom(0, 1, 4, 5, 0.5),
  fc.boolean(),
  fc.constant(null),
);
const mixedFilterArb: fc.Arbitrary<Filter> = fc
  .tuple(
    fc.constantFrom('s', 't', 'o', 'o.x', 'a', 'id', 'version'),
    fc.oneof(
      operand.map((v) => v),
      fc.constantFrom('$eq', '$ne', '$gt', '$gte', '$lt', '$lte').chain((op) => operand.map((v) => ({ [op]: v }))),
      fc.array(operand, { maxLength: 3 }).map((v) => ({ $in: v })),
      fc.array(operand, { maxLength: 3 }).map((v) => ({ $nin: v })),
      fc.boolean().map((v) => ({ $exists: v })),
      fc.constantFrom('^a', 'b', '1', '^$', '\\[').map((v) => ({ $regex: v, $options: 'i' })),
    ),
  )
  .map(([field, cond]) => ({ [field]: cond }) as Filter);

describe('the memory target agrees with SQLite on mixed types', () => {
  it('selects, sorts and aggregates like SQLite', async () => {
    await fc.assert(
      fc.asyncProperty(mixedDocsArb, mixedFilterArb, fc.constantFrom<'asc' | 'desc'>('asc', 'desc'), async (docs, filter, dir) => {
        const { c, m } = await load(docs, MIXED_SPEC);
        const ids = async (x: Collection, f: Filter) => (await x.find({ filter: f, limit: 1000 })).items.map((d) => d.id).sort();
        expect({ filter, got: await ids(m, filter) }).toEqual({ filter, got: await ids(c, filter) });
        for (const field of ['s', 't', 'o.x']) {
          const sort: SortKey[] = [{ field, dir }];
          expect((await m.find({ sort, limit: 1000 })).items.map((d) => d.id)).toEqual(
            (await c.find({ sort, limit: 1000 })).items.map((d) => d.id),
          );
        }
        const agg = {
          groupBy: ['s'],
          metrics: [
            { op: 'count' as const, as: 'n' },
            { op: 'sum' as const, field: 'o.x', as: 'sum' },
            { op: 'min' as const, field: 't', as: 'min' },
            { op: 'max' as const, field: 't', as: 'max' },
            { op: 'avg' as const, field: 'o.x', as: 'avg' },
          ],
        };
        const norm = (rows: Doc[]) => rows.map((r) => JSON.stringify(r)).sort();
        expect(norm(await m.aggregate(agg))).toEqual(norm(await c.aggregate(agg)));
      }),
      { ...OPTS, numRuns: Number(process.env.MIXED_RUNS ?? 250) },
    );
  });

  // Hardening 23: paging over a sort on nullable, mixed-type fields returned some records twice
  // and skipped others. Every matching record must come exactly once, in the unpaged order.
  it('walks cursor pages over sorts on mixed-type and nullable fields: every match exactly once, in order', async () => {
    const mixedSortArb = fc.uniqueArray(
      fc.record({ field: fc.constantFrom('s', 't', 'o.x', 'o', 'createdAt'), dir: fc.constantFrom<'asc' | 'desc'>('asc', 'desc') }),
      { minLength: 1, maxLength: 3, selector: (k) => k.field },
    );
    await fc.assert(
      fc.asyncProperty(
        mixedDocsArb,
        fc.option(mixedFilterArb, { nil: undefined }),
        mixedSortArb,
        fc.integer({ min: 1, max: 6 }),
        async (docs, filter, sort, limit) => {
          const { c, m } = await load(docs, MIXED_SPEC);
          const matching = (await c.find({ filter, limit: 1000 })).items.map((d) => d.id).sort();
          const full = (await c.find({ filter, sort, limit: 1000 })).items.map((d) => d.id);
          for (const store of [c, m]) {
            const paged = await walk(store, filter ?? {}, sort, limit, full.length);
            expect({ sort, limit, paged }).toEqual({ sort, limit, paged: full });
            expect([...new Set(paged)].sort()).toEqual(matching);
          }
        },
      ),
      { ...OPTS, numRuns: Number(process.env.MIXED_RUNS ?? 250) },
    );
  });

  it('pages 5,000 adversarial records (mixed types, nulls, missing values) exactly once under every sort', async () => {
    const [values] = fc.sample(fc.array(fc.tuple(anyValue, anyValue, anyValue), { minLength: 5000, maxLength: 5000 }), {
      seed: 23,
      numRuns: 1,
    });
    const docs = values.map(([sv, tv, xv], i) => {
      const d: Doc = { id: `x${String(i).padStart(4, '0')}` };
      if (sv !== undefined) d.s = sv;
      if (tv !== undefined) d.t = tv;
      if (xv !== undefined) d.o = { x: xv };
      return d;
    });
    const spec = MIXED_SPEC(`p${++runs}`);
    const c = await sqlite.ensureCollection(spec);
    const m = await memory.ensureCollection(spec);
    for (let i = 0; i < docs.length; i += 1000) await c.insertMany(docs.slice(i, i + 1000));
    for (
      let cursor: string | undefined, page;
      (page = await c.find({ limit: 1000, cursor })).items.length;
      cursor = page.nextCursor ?? undefined
    ) {
      await m.insertMany(page.items, { keepSystemFields: true }); // the same system fields, so createdAt ties compare equal
      if (!page.nextCursor) break;
    }
    expect([await c.count(), await m.count()]).toEqual([5000, 5000]);
    const sorts: SortKey[][] = [
      [{ field: 's', dir: 'asc' }],
      [{ field: 's', dir: 'desc' }],
      [
        { field: 't', dir: 'asc' },
        { field: 's', dir: 'desc' },
      ],
      [{ field: 'o.x', dir: 'desc' }],
      [
        { field: 'o.x', dir: 'asc' },
        { field: 't', dir: 'asc' },
      ],
    ];
    for (const sort of sorts) {
      const walks: string[][] = [];
      for (const store of [c, m]) {
        const paged = await walk(store, {}, sort, 97, 6000);
        expect({ sort, count: paged.length, distinct: new Set(paged).size }).toEqual({ sort, count: 5000, distinct: 5000 });
        walks.push(paged);
      }
      expect(walks[1]).toEqual(walks[0]); // and in the same order
    }
  }, 120_000);
});
