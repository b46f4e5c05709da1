import { fromFilter, toFilter, type Group } from './filter-model';

describe('filter model', () => {
  it('round-trips the common shapes', () => {
    for (const f of [
      { status: 'won' },
      { status: 'won', amount: { $gte: 1000 } },
      { $or: [{ channel: 'web' }, { vip: true }] },
      { $and: [{ amount: { $gt: 1 } }, { $or: [{ a: 1 }, { b: { $in: ['x'] } }] }] },
      { name: { $regex: 'ac', $options: 'i' } },
    ]) {
      expect(toFilter(fromFilter(f))).toEqual(f);
    }
  });

  it('builds nested and/or groups; empty means no filter', () => {
    const g: Group = {
      kind: 'group', combinator: '$and', children: [
        { kind: 'rule', field: 'vip', op: '$eq', value: true },
        { kind: 'group', combinator: '$or', children: [{ kind: 'rule', field: 'channel', op: '$in', value: ['web', 'store'] }, { kind: 'rule', field: 'total', op: '$gt', value: 10 }] },
      ],
    };
    expect(toFilter(g)).toEqual({ $and: [{ vip: true }, { $or: [{ channel: { $in: ['web', 'store'] } }, { total: { $gt: 10 } }] }] });
    expect(toFilter({ kind: 'group', combinator: '$and', children: [] })).toBeUndefined();
  });
});
