import { expect, it } from '@jest/globals';
import type { Filter } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';
import { ids, seeded } from './fixtures';

/** [filter, expected ids] over PEOPLE (a..e); expectations follow MongoDB semantics. */
const CASES: Array<[Filter, string]> = [
  [{}, 'abcde'],
  [{ status: 'open' }, 'acd'],
  [{ status: { $eq: 'open' } }, 'acd'],
  [{ status: { $ne: 'open' } }, 'be'],
  [{ status: 'open', vip: false }, 'c'],
  [{ email: null }, 'cd'],
  [{ email: { $eq: null } }, 'cd'],
  [{ email: { $ne: null } }, 'abe'],
  [{ email: { $exists: false } }, 'd'],
  [{ email: { $exists: true } }, 'abce'],
  [{ email: { $in: [null, 'bob@x.io'] } }, 'bcd'],
  [{ vip: true }, 'ae'],
  [{ vip: false }, 'bc'],
  [{ vip: { $ne: true } }, 'bcd'],
  [{ score: 0 }, 'e'],
  [{ score: 7.5 }, 'd'],
  [{ score: { $gt: 5 } }, 'ad'],
  [{ score: { $gte: 5 } }, 'abd'],
  [{ score: { $lt: 5 } }, 'e'],
  [{ score: { $lte: 0 } }, 'e'],
  [{ score: { $gt: 1, $lt: 8 } }, 'bd'],
  [{ score: { $in: [5, 10] } }, 'ab'],
  [{ score: { $nin: [5, 10] } }, 'cde'],
  [{ score: { $in: [] } }, ''],
  [{ score: { $nin: [] } }, 'abcde'],
  [{ score: { $not: { $gt: 5 } } }, 'bce'],
  [{ status: { $in: ['open', 'archived'] } }, 'acde'],
  [{ born: { $gte: '1986-01-01' } }, 'a'],
  [{ name: { $gt: 'Cyd', $lte: 'Eve' } }, 'de'],
  [{ tags: 'lead' }, 'ab'],
  [{ tags: { $eq: 'vip' } }, 'a'],
  [{ tags: { $in: ['vip', 'customer'] } }, 'ae'],
  [{ tags: { $ne: 'lead' } }, 'cde'],
  [{ tags: { $nin: ['lead', 'customer'] } }, 'cd'],
  [{ tags: { $exists: true } }, 'abce'],
  [{ tags: null }, 'd'],
  [{ tags: { $regex: '^cust' } }, 'e'],
  [{ 'meta.city': 'Paris' }, 'a'],
  [{ 'meta.city': { $regex: '^paris$', $options: 'i' } }, 'ac'],
  [{ 'meta.level': { $gte: 2 } }, 'ae'],
  [{ 'meta.level': { $exists: false } }, 'cd'],
  [{ 'meta.nested.deep': 'x' }, 'e'],
  [{ name: { $regex: '^[a-c]' } }, 'b'],
  [{ name: { $regex: '^[a-c]', $options: 'i' } }, 'abc'],
  [{ name: { $regex: 'E' } }, 'e'],
  [{ name: { $not: { $regex: '^b' } } }, 'acde'],
  [{ $or: [{ status: 'closed' }, { vip: true }] }, 'abe'],
  [{ $and: [{ status: 'open' }, { score: { $gt: 5 } }] }, 'ad'],
  [{ $or: [{ $and: [{ status: 'open' }, { vip: false }] }, { 'meta.city': 'Rome' }] }, 'ce'],
  [{ $and: [{ $or: [{ vip: true }, { score: null }] }, { status: { $ne: 'archived' } }] }, 'ac'],
  [{ id: 'a' }, 'a'],
  [{ id: { $in: ['a', 'e', 'zz'] } }, 'ae'],
  [{ id: { $gt: 'c' } }, 'de'],
  [{ version: 1 }, 'abcde'],
  [{ version: { $gt: 1 } }, ''],
  [{ createdAt: { $exists: true } }, 'abcde'],
  [{ name: "x' OR 1=1 --" }, ''],
  [{ nothing: { $exists: false } }, 'abcde'],
];

export function filterCases(env: ContractEnv): void {
  it.each(CASES.map(([f, want]) => [JSON.stringify(f), f, want] as const))('%s', async (_label, filter, want) => {
    const c = await seeded(env.store());
    expect((await ids(c, { filter, sort: [{ field: 'id', dir: 'asc' }] })).join('')).toBe(want);
    expect(await c.count(filter)).toBe(want.length);
  });

  it('sees a field only after it is written (null vs missing after update)', async () => {
    const c = await seeded(env.store());
    await c.update('d', { email: null });
    expect(await ids(c, { filter: { email: { $exists: false } } })).toEqual([]);
    expect(await ids(c, { filter: { email: null }, sort: [{ field: 'id', dir: 'asc' }] })).toEqual(['c', 'd']);
  });
}
