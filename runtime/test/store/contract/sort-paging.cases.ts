import { expect, it } from '@jest/globals';
import { InvalidQueryError, type Collection, type FindOptions, type StoredDoc } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';
import { contacts, ids, seeded } from './fixtures';

async function walk(c: Collection, options: FindOptions, between?: (page: number) => Promise<void>): Promise<StoredDoc[]> {
  const all: StoredDoc[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const p = await c.find({ ...options, cursor });
    all.push(...p.items);
    if (!p.nextCursor) return all;
    expect(p.items.length).toBe(options.limit);
    cursor = p.nextCursor;
    if (between) await between(page);
  }
  throw new Error('too many pages');
}

export function sortPagingCases(env: ContractEnv): void {
  it('sorts asc/desc with nulls first ascending and last descending; ties by id in the direction of the last key', async () => {
    const c = await seeded(env.store());
    expect((await ids(c, { sort: [{ field: 'score', dir: 'asc' }] })).join('')).toBe('cebda');
    expect((await ids(c, { sort: [{ field: 'score', dir: 'desc' }] })).join('')).toBe('adbec');
    expect((await ids(c, { sort: [{ field: 'email', dir: 'asc' }] })).join('')).toBe('cdabe');
    expect((await ids(c, { sort: [{ field: 'email', dir: 'desc' }] })).join('')).toBe('ebadc');
    expect((await ids(c, { sort: [{ field: 'status', dir: 'asc' }] })).join('')).toBe('ebacd');
    expect(
      (
        await ids(c, {
          sort: [
            { field: 'status', dir: 'desc' },
            { field: 'score', dir: 'asc' },
          ],
        })
      ).join(''),
    ).toBe('cdabe');
    expect((await ids(c, { sort: [{ field: 'name', dir: 'asc' }] })).join('')).toBe('acdeb');
    expect((await ids(c, { sort: [{ field: 'meta.level', dir: 'desc' }] })).join('')).toBe('eabdc');
    expect((await ids(c, { sort: [{ field: 'id', dir: 'desc' }] })).join('')).toBe('edcba');
    expect((await ids(c, { sort: [{ field: 'vip', dir: 'asc' }] })).join('')).toBe('dbcae');
  });

  it('defaults to 50 items and honours limit', async () => {
    const c = await contacts(env.store());
    await c.insertMany(Array.from({ length: 57 }, (_, i) => ({ n: i })));
    const first = await c.find();
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    const rest = await c.find({ cursor: first.nextCursor! });
    expect(rest.items).toHaveLength(7);
    expect(rest.nextCursor).toBeNull();
    expect((await c.find({ limit: 1 })).items).toHaveLength(1);
    expect((await c.find({ limit: 57 })).nextCursor).toBeNull();
  });

  it.each([
    [[{ field: 'score', dir: 'desc' }]],
    [
      [
        { field: 'score', dir: 'asc' },
        { field: 'status', dir: 'desc' },
      ],
    ],
    [
      [
        { field: 'status', dir: 'asc' },
        { field: 'score', dir: 'desc' },
      ],
    ],
    [[{ field: 'email', dir: 'desc' }]],
    [
      [
        { field: 'vip', dir: 'asc' },
        { field: 'meta.rank', dir: 'asc' },
      ],
    ],
    [[]],
  ] as Array<[FindOptions['sort']]>)('walks every page without duplicates or gaps: %j', async (sort) => {
    const c = await contacts(env.store());
    await c.insertMany(
      Array.from({ length: 83 }, (_, i) => ({
        score: i % 9 === 0 ? null : i % 7,
        status: ['open', 'won', 'lost'][i % 3],
        email: i % 4 === 0 ? undefined : i % 5 === 0 ? null : `p${i}@x.io`,
        vip: i % 2 === 0,
        meta: { rank: i % 11 },
      })),
    );
    const filter = { status: { $ne: 'lost' } };
    const full = await c.find({ filter, sort, limit: 1000 });
    const paged = await walk(c, { filter, sort, limit: 7 });
    expect(paged.map((d) => d.id)).toEqual(full.items.map((d) => d.id));
    expect(full.items.length).toBe(await c.count(filter));
  });

  it('rows inserted or deleted between pages cause no duplicates or gaps', async () => {
    const c = await contacts(env.store());
    await c.insertMany(Array.from({ length: 40 }, (_, i) => ({ id: `r${String(i).padStart(3, '0')}`, score: i % 5 })));
    const before = new Set((await c.find({ limit: 1000 })).items.map((d) => d.id));
    let n = 0;
    const seen = await walk(c, { sort: [{ field: 'score', dir: 'asc' }], limit: 6 }, async () => {
      await c.insert({ id: `new${n++}`, score: n % 5 });
      await c.insert({ id: `zz${n}`, score: 99 });
    });
    const seenIds = seen.map((d) => d.id);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    for (const id of before) expect(seenIds).toContain(id);
    expect(seenIds.filter((id) => id.startsWith('zz')).length).toBe(n); // rows after the cursor do show up
  });

  it('refuses tampered or foreign cursors', async () => {
    const c = await seeded(env.store());
    const page = await c.find({ sort: [{ field: 'score', dir: 'asc' }], limit: 2 });
    const cursor = page.nextCursor!;
    const flipped = cursor.slice(0, 10) + (cursor[10] === 'A' ? 'B' : 'A') + cursor.slice(11);
    await expect(c.find({ sort: [{ field: 'score', dir: 'asc' }], limit: 2, cursor: flipped })).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(c.find({ sort: [{ field: 'score', dir: 'desc' }], limit: 2, cursor })).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(c.find({ filter: { vip: true }, sort: [{ field: 'score', dir: 'asc' }], cursor })).rejects.toBeInstanceOf(
      InvalidQueryError,
    );
    await expect(c.find({ cursor: 'not a cursor!' })).rejects.toMatchObject({ path: '/cursor' });
    const forged = Buffer.from(JSON.stringify({ p: '[[1],"a"]', h: 'x' })).toString('base64url');
    await expect(c.find({ sort: [{ field: 'score', dir: 'asc' }], cursor: forged })).rejects.toBeInstanceOf(InvalidQueryError);
    // the limit may change between pages
    expect((await c.find({ sort: [{ field: 'score', dir: 'asc' }], limit: 10, cursor })).items.map((d) => d.id)).toEqual(['b', 'd', 'a']);
  });

  it('refuses limits outside 1..1000 and bad sorts', async () => {
    const c = await seeded(env.store());
    for (const limit of [0, -1, 1001, 2.5]) await expect(c.find({ limit })).rejects.toMatchObject({ path: '/limit' });
    await expect(c.find({ sort: [{ field: 'score', dir: 'up' as 'asc' }] })).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(c.find({ sort: [{ field: 'a b', dir: 'asc' }] })).rejects.toMatchObject({ path: '/sort/0/field' });
    await expect(c.find({ sort: [{ field: 'tags', dir: 'asc' }] })).rejects.toBeInstanceOf(InvalidQueryError);
  });
}
