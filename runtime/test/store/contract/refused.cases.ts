import { expect, it } from '@jest/globals';
import { InvalidQueryError, type Filter } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';
import { seeded } from './fixtures';

const deep = (n: number): Filter => (n === 0 ? { a: 1 } : { $and: [deep(n - 1)] });

/** [filter, expected error path inside the filter] (errors point into the query: `/filter…`, like `/sort/0` and `/cursor`) */
const REFUSED: Array<[unknown, string]> = [
  [{ $where: 'this.a == 1' }, '/$where'],
  [{ $function: { body: 'return true', args: [], lang: 'js' } }, '/$function'],
  [{ $expr: { $eq: ['$a', 1] } }, '/$expr'],
  [{ $nor: [{ a: 1 }] }, '/$nor'],
  [{ $text: { $search: 'x' } }, '/$text'],
  [{ a: { $where: 'x' } }, '/a/$where'],
  [{ a: { $elemMatch: { b: 1 } } }, '/a/$elemMatch'],
  [{ a: { $size: 1 } }, '/a/$size'],
  [{ $or: [{ a: { $type: 'string' } }] }, '/$or/0/a/$type'],
  [{ 'a..b': 1 }, '/a..b'],
  [{ '1a': 1 }, '/1a'],
  [{ 'a-b': 1 }, '/a-b'],
  [{ "a') OR 1=1 --": 1 }, "/a') OR 1=1 --"],
  [{ _id: 'x' }, '/_id'],
  [{ 'id.x': 1 }, '/id.x'],
  [{ a: { b: 1 } }, '/a/b'],
  [{ a: [1, 2] }, '/a'],
  [{ a: { $in: 'x' } }, '/a/$in'],
  [{ a: { $nin: 5 } }, '/a/$nin'],
  [{ a: { $regex: 5 } }, '/a/$regex'],
  [{ a: { $regex: '(' } }, '/a/$regex'],
  [{ a: { $regex: 'x'.repeat(201) } }, '/a/$regex'],
  [{ a: { $regex: '(x)\\1' } }, '/a/$regex'], // a backreference: RE2 (linear time) cannot run it
  [{ a: { $regex: 'x(?=y)' } }, '/a/$regex'], // a lookahead, likewise
  [{ a: { $regex: 'x', $options: 'g' } }, '/a/$options'],
  [{ a: { $options: 'i' } }, '/a/$options'],
  [{ a: { $exists: 1 } }, '/a/$exists'],
  [{ a: { $gt: { x: 1 } } }, '/a/$gt'],
  [{ a: { $eq: Number.NaN } }, '/a/$eq'],
  [{ a: { $not: 5 } }, '/a/$not'],
  [{ a: {} }, '/a'],
  [{ $and: [] }, '/$and'],
  [{ $or: {} }, '/$or'],
  [deep(9), '/$and/0/$and/0/$and/0/$and/0/$and/0/$and/0/$and/0/$and/0'],
  [{ $or: Array.from({ length: 201 }, (_, i) => ({ a: i })) }, '/$or/200/a'],
];

export function refusedCases(env: ContractEnv): void {
  it.each(REFUSED.map(([f, path]) => [JSON.stringify(f).slice(0, 80), f, path] as const))('refuses %s', async (_l, filter, path) => {
    const c = await seeded(env.store());
    const err = await c.find({ filter: filter as Filter }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidQueryError);
    expect(err.path).toBe(`/filter${path}`);
    await expect(c.count(filter as Filter)).rejects.toBeInstanceOf(InvalidQueryError);
  });

  it('names the operator in the message', async () => {
    const c = await seeded(env.store());
    await expect(c.find({ filter: { $where: '1' } as Filter })).rejects.toThrow('$where');
    await expect(c.find({ filter: { a: { $function: {} } } as Filter })).rejects.toThrow('$function');
  });

  it('accepts the deepest and largest allowed filters', async () => {
    const c = await seeded(env.store());
    expect((await c.find({ filter: deep(7) })).items).toEqual([]);
    expect(await c.count({ $or: Array.from({ length: 200 }, (_, i) => ({ score: i })) })).toBe(3);
  });
}
