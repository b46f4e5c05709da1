import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Query } from 'mingo';
import { createSqliteStore, type Collection, type Doc, type SortKey, type StoredDoc } from '../../src/store';
import { docsArb, filterArb, PROP_SPEC, sortArb } from './filter.arbitraries';

/**
 * The sqlite adapter must select exactly what mingo (MongoDB's query semantics in JS) selects,
 * sort like MongoDB (null/missing first ascending, ties by id) and page without loss.
 */
const store = createSqliteStore({ file: ':memory:' });
afterAll(() => store.close());
let runs = 0;

async function load(docs: Doc[]): Promise<{ c: Collection; stored: StoredDoc[] }> {
  const c = await store.ensureCollection(PROP_SPEC(`p${++runs}`));
  await c.insertMany(docs);
  const stored = (await c.find({ limit: 1000 })).items;
  return { c, stored };
}

function at(doc: Doc, path: string): unknown {
  let cur: unknown = doc;
  for (const p of path.split('.')) cur = cur !== null && typeof cur === 'object' ? (cur as Doc)[p] : undefined;
  return cur ?? null;
}

/** MongoDB order for type-consistent fields: null/missing lowest, then natural order; ties by id, in the last key's direction. */
function memorySort(docs: StoredDoc[], sort: SortKey[]): string[] {
  const cmp = (a: unknown, b: unknown) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : (a as number) < (b as number) ? -1 : 1);
  return [...docs].sort((x, y) => {
    for (const k of sort) {
      const r = cmp(at(x, k.field), at(y, k.field));
      if (r !== 0) return k.dir === 'asc' ? r : -r;
    }
    const byId = x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
    return sort.at(-1)?.dir === 'desc' ? -byId : byId;
  }).map((d) => d.id);
}

const OPTS = { numRuns: 250, interruptAfterTimeLimit: 60_000 };

describe('sqlite filters and sorts agree with mingo / MongoDB semantics', () => {
  it('random filters select the same ids as mingo', async () => {
    await fc.assert(fc.asyncProperty(docsArb, fc.array(filterArb, { minLength: 1, maxLength: 4 }), async (docs, filters) => {
      const { c, stored } = await load(docs);
      for (const filter of filters) {
        const want = new Query(filter as Record<string, unknown>).find<StoredDoc>(stored).all().map((d) => d.id).sort();
        const got = (await c.find({ filter, limit: 1000 })).items.map((d) => d.id).sort();
        expect({ filter, got }).toEqual({ filter, got: want });
        expect(await c.count(filter)).toBe(want.length);
      }
    }), OPTS);
  });

  it('random sorts order like an in-memory MongoDB-style sort', async () => {
    await fc.assert(fc.asyncProperty(docsArb, sortArb, async (docs, sort) => {
      const { c, stored } = await load(docs);
      const got = (await c.find({ sort, limit: 1000 })).items.map((d) => d.id);
      expect(got).toEqual(memorySort(stored, sort));
    }), OPTS);
  });

  it('walking cursor pages equals the unpaged result', async () => {
    await fc.assert(fc.asyncProperty(docsArb, filterArb, sortArb, fc.integer({ min: 1, max: 7 }), async (docs, filter, sort, limit) => {
      const { c } = await load(docs);
      const full = (await c.find({ filter, sort, limit: 1000 })).items.map((d) => d.id);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await c.find({ filter, sort, limit, cursor });
        paged.push(...page.items.map((d) => d.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor && paged.length <= full.length);
      expect(paged).toEqual(full);
    }), OPTS);
  });
});
