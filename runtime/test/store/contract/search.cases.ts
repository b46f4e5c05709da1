import { expect, it } from '@jest/globals';
import { InvalidQueryError, type CollectionSpec, type Store } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';
import { contacts, ids } from './fixtures';

const PEOPLE_SEARCH: CollectionSpec = {
  name: 'people_search',
  fields: [
    { name: 'name', kind: 'string', indexed: true },
    { name: 'email', kind: 'string' },
    { name: 'tags', kind: 'array' },
    { name: 'owner', kind: 'string' },
  ],
  search: ['name', 'email', 'tags'],
};

async function people(store: Store) {
  const c = await store.ensureCollection(PEOPLE_SEARCH);
  await c.insertMany([
    { id: 'p1', name: 'Anna Smith', email: 'anna@acme.io', tags: ['vip'], owner: 'u1' },
    { id: 'p2', name: 'John Smithers', email: 'js@globex.com', tags: [], owner: 'u2' },
    { id: 'p3', name: "Mary O'Brien", email: 'mary@acme.io', owner: 'u1' },
    { id: 'p4', name: 'Zoë Smyth', email: null, tags: ['partner', 'smb'], owner: 'u1' },
  ]);
  return c;
}

const search = (text: string, fields?: string[]) => ({ $search: fields ? { text, fields } : text });

/** ASCII data: MongoDB's regex fallback does not fold diacritics (see filter.mongo.ts), so "zoe" is not asked here. */
export function searchCases(env: ContractEnv): void {
  it('$search matches every word as a word prefix in any search field, ignoring case', async () => {
    const c = await people(env.store());
    expect(await ids(c, { filter: search('smi'), sort: [{ field: 'name', dir: 'asc' }] })).toEqual(['p1', 'p2']);
    expect(await ids(c, { filter: search('SMITH anna') })).toEqual(['p1']);
    expect(await ids(c, { filter: search('acme'), sort: [{ field: 'name', dir: 'asc' }] })).toEqual(['p1', 'p3']);
    expect(await ids(c, { filter: search("o'brien") })).toEqual(['p3']);
    expect(await ids(c, { filter: search('brien') })).toEqual(['p3']);
    expect(await ids(c, { filter: search('mith') })).toEqual([]); // prefixes, not substrings
    expect(await ids(c, { filter: search('partner') })).toEqual(['p4']); // array field
  });

  it('$search combines with other conditions, counts, and narrows to the fields asked for', async () => {
    const c = await people(env.store());
    expect(await ids(c, { filter: { ...search('acme'), owner: 'u1', name: { $ne: "Mary O'Brien" } } })).toEqual(['p1']);
    expect(await c.count(search('sm'))).toBe(3);
    expect(await ids(c, { filter: search('acme', ['name']) })).toEqual([]);
    expect(await ids(c, { filter: search('acme', ['email']), sort: [{ field: 'name', dir: 'asc' }] })).toEqual(['p1', 'p3']);
    expect(await ids(c, { filter: { $or: [search('anna'), { name: 'John Smithers' }] }, sort: [{ field: 'name', dir: 'asc' }] })).toEqual([
      'p1',
      'p2',
    ]);
  });

  it('the search index follows inserts, updates and deletes', async () => {
    const c = await people(env.store());
    await c.update('p2', { name: 'John Doe' });
    await c.delete('p1');
    await c.insert({ id: 'p5', name: 'Smitty Werben', email: 'sw@x.io' });
    expect(await ids(c, { filter: search('smi'), sort: [{ field: 'name', dir: 'asc' }] })).toEqual(['p5']);
    expect(await ids(c, { filter: search('doe') })).toEqual(['p2']);
  });

  it('another list of search fields re-indexes existing documents', async () => {
    const store = env.store();
    await people(store);
    const c = await store.ensureCollection({ ...PEOPLE_SEARCH, search: ['email'] });
    expect(await ids(c, { filter: search('globex') })).toEqual(['p2']);
    await expect(c.find({ filter: search('john') })).resolves.toMatchObject({ items: [] });
    await expect(c.find({ filter: search('john', ['name']) })).rejects.toThrow(/"name" is not one of the search fields/);
  });

  it('refuses $search without search fields, without words, or too long', async () => {
    const store = env.store();
    const plain = await contacts(store);
    await expect(plain.find({ filter: search('ann') })).rejects.toThrow(/no search fields/);
    const c = await people(store);
    await expect(c.find({ filter: search(' -- ') })).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(c.find({ filter: search('x'.repeat(201)) })).rejects.toThrow(/longer than 200/);
    await expect(c.find({ filter: { $search: 42 } as never })).rejects.toThrow(/\$search needs a string/);
  });

  it('a word found in thousands of rows still narrows correctly beside a rare one', async () => {
    const c = await env.store().ensureCollection(PEOPLE_SEARCH);
    // every row shares "example" (the common domain); the rare words pick one or two rows
    await c.insertMany(
      Array.from({ length: 2500 }, (_, i) => ({
        id: `m${i}`,
        name: `Member ${i}`,
        email: `member${i}@example.com`,
        tags: i % 2 ? ['odd'] : [],
      })),
    );
    expect(await ids(c, { filter: search('member2499@example.com') })).toEqual(['m2499']);
    expect(await ids(c, { filter: search('example member1234') })).toEqual(['m1234']);
    // prefixes: member12 also begins member120…member129 and member1200…member1299
    const odd12 = Array.from({ length: 2500 }, (_, i) => i)
      .filter((i) => i % 2 && String(i).startsWith('12'))
      .map((i) => `m${i}`)
      .sort();
    expect((await ids(c, { filter: search('example odd member12') })).sort()).toEqual(odd12);
    expect(await c.count(search('example com'))).toBe(2500);
    expect(await ids(c, { filter: search('member7@example.org') })).toEqual([]);
  });
}
