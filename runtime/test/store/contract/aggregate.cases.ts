import { expect, it } from '@jest/globals';
import { InvalidQueryError } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';
import { seeded } from './fixtures';

export function aggregateCases(env: ContractEnv): void {
  it('count with and without a filter', async () => {
    const c = await seeded(env.store());
    expect(await c.count()).toBe(5);
    expect(await c.count({ status: 'open' })).toBe(3);
    expect(await c.count({ status: 'none' })).toBe(0);
    expect(await c.count({}, { limit: 2 })).toBe(2);
    expect(await c.count({ status: 'open' }, { limit: 10 })).toBe(3);
    await expect(c.count({}, { limit: 0 })).rejects.toThrow(/positive integer/);
  });

  it('groups by a field with count/sum/avg/min/max (numbers only in sum/avg)', async () => {
    const c = await seeded(env.store());
    const rows = await c.aggregate({
      groupBy: ['status'],
      metrics: [
        { op: 'count', as: 'n' },
        { op: 'sum', field: 'score', as: 'total' },
        { op: 'avg', field: 'score', as: 'avg' },
        { op: 'min', field: 'score', as: 'lo' },
        { op: 'max', field: 'score', as: 'hi' },
      ],
    });
    expect(rows).toEqual([
      { status: 'archived', n: 1, total: 0, avg: 0, lo: 0, hi: 0 },
      { status: 'closed', n: 1, total: 5, avg: 5, lo: 5, hi: 5 },
      { status: 'open', n: 3, total: 17.5, avg: 8.75, lo: 7.5, hi: 10 },
    ]);
  });

  it('groups null and missing together, keeps booleans, supports several keys and a filter', async () => {
    const c = await seeded(env.store());
    expect(await c.aggregate({ groupBy: ['vip'], metrics: [{ op: 'count', as: 'n' }] })).toEqual([
      { vip: null, n: 1 },
      { vip: false, n: 2 },
      { vip: true, n: 2 },
    ]);
    expect(await c.aggregate({ groupBy: ['email'], metrics: [{ op: 'count', as: 'n' }], filter: { status: 'open' } })).toEqual([
      { email: null, n: 2 },
      { email: 'ann@x.io', n: 1 },
    ]);
    expect(await c.aggregate({ groupBy: ['status', 'vip'], metrics: [{ op: 'count', as: 'n' }], filter: { status: 'open' } })).toEqual([
      { status: 'open', vip: null, n: 1 },
      { status: 'open', vip: false, n: 1 },
      { status: 'open', vip: true, n: 1 },
    ]);
    expect(
      await c.aggregate({ groupBy: ['meta.city'], metrics: [{ op: 'count', as: 'n' }], filter: { 'meta.level': { $gte: 1 } } }),
    ).toEqual([
      { 'meta.city': 'Berlin', n: 1 },
      { 'meta.city': 'Paris', n: 1 },
      { 'meta.city': 'Rome', n: 1 },
    ]);
  });

  it('without groupBy returns exactly one row, also when nothing matches', async () => {
    const c = await seeded(env.store());
    expect(
      await c.aggregate({
        metrics: [
          { op: 'count', as: 'n' },
          { op: 'sum', field: 'score', as: 's' },
        ],
      }),
    ).toEqual([{ n: 5, s: 22.5 }]);
    expect(
      await c.aggregate({
        filter: { status: 'none' },
        metrics: [
          { op: 'count', as: 'n' },
          { op: 'sum', field: 'score', as: 's' },
          { op: 'avg', field: 'score', as: 'a' },
          { op: 'max', field: 'score', as: 'm' },
        ],
      }),
    ).toEqual([{ n: 0, s: 0, a: null, m: null }]);
  });

  it('refuses bad aggregate requests', async () => {
    const c = await seeded(env.store());
    await expect(c.aggregate({ metrics: [] })).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(c.aggregate({ metrics: [{ op: 'median' as 'sum', field: 'score', as: 'm' }] })).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(c.aggregate({ metrics: [{ op: 'sum', as: 'm' }] })).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(c.aggregate({ groupBy: ['a;b'], metrics: [{ op: 'count', as: 'n' }] })).rejects.toMatchObject({ path: '/groupBy/0' });
    await expect(c.aggregate({ groupBy: ['n'], metrics: [{ op: 'count', as: 'n' }] })).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(c.aggregate({ metrics: [{ op: 'count', as: 'n' }], filter: { $where: 'x' } as never })).rejects.toBeInstanceOf(
      InvalidQueryError,
    );
  });
}
