import fc from 'fast-check';
import { matchesFilter } from '@tessera/core/query';
import { validateDefinition } from '@tessera/core';
import { sampleDraft } from '../store/test-fixtures';
import { fromFilter, toFilter, type Filter, type Group } from './filter-model';

const roundTrip = (f: Filter) => toFilter(fromFilter(f)) ?? {};

/** The server's answer for one record (core's memory target of the store's filter): match, or the error it refuses the filter with. */
function judge(doc: Record<string, unknown>, filter: Filter): boolean | string {
  try {
    return matchesFilter(doc, filter as never);
  } catch (err) {
    return `refused: ${(err as Error).message}`;
  }
}

/** Validates a filter as a table's source filter on an entity with text fields a, b, c. */
function filterIssues(filter: Filter) {
  const def = sampleDraft();
  def.entities[0].fields.push(...['a', 'b', 'c'].map((id) => ({ id, type: 'text' })));
  def.pages[0].components = [
    { id: 't', type: 'table', props: { columns: [{ field: 'a' }] }, source: { kind: 'entity', entity: 'order', filter } },
  ];
  const r = validateDefinition(def);
  return r.ok ? [] : r.errors;
}

describe('filter model', () => {
  it('round-trips the common shapes exactly', () => {
    for (const f of [
      { status: 'won' },
      { status: 'won', amount: { $gte: 1000 } },
      { $or: [{ channel: 'web' }, { vip: true }] },
      { $and: [{ amount: { $gt: 1 } }, { $or: [{ a: 1 }, { b: { $in: ['x'] } }] }] },
      { name: { $regex: 'ac', $options: 'i' } },
      { name: { $regex: 'Ac' } },
      { amount: { $gte: 1, $lte: 9 } },
      { company: ':id', status: { $ne: 'lost' } },
      { company: { $expr: '$params.id' } },
      { status: 'won', $or: [{ a: 1 }, { a: 2, b: 3 }] },
    ]) {
      expect(roundTrip(f)).toEqual(f);
    }
  });

  it('reads $not as a negated rule and writes it back', () => {
    const f = {
      stage: { $not: { $in: ['won', 'lost'] } },
      name: { $not: { $regex: '^test', $options: 'i' } },
      amount: { $gt: 5, $not: { $gt: 100 } },
    };
    const g = fromFilter(f);
    expect(g.children).toEqual([
      { kind: 'rule', field: 'stage', op: '$in', value: ['won', 'lost'], not: true },
      { kind: 'rule', field: 'name', op: '$regex', value: '^test', options: 'i', not: true },
      { kind: 'rule', field: 'amount', op: '$gt', value: 5 },
      { kind: 'rule', field: 'amount', op: '$gt', value: 100, not: true },
    ]);
    expect(toFilter(g)).toEqual(f);
    // Negating a rule in the builder is one flag.
    const negated: Group = { ...g, children: [{ kind: 'rule', field: 'stage', op: '$eq', value: 'won', not: true }] };
    expect(toFilter(negated)).toEqual({ stage: { $not: { $eq: 'won' } } });
  });

  it('keeps what rules cannot show as raw JSON rules, exactly as written', () => {
    const f = {
      a: { $not: { $gt: 1, $lt: 5 } }, // not of two operators: not the same as two negated rules
      b: { $not: { $not: { $eq: 'x' } } },
      c: { $options: 'i' },
      $or: [],
    };
    const g = fromFilter(f);
    expect(g.children.map((c) => c.kind)).toEqual(['raw', 'raw', 'raw', 'raw']);
    expect(toFilter(g)).toEqual(f);
    expect(roundTrip({ $or: [{}, { a: 'x' }] })).toEqual({ $or: [{}, { a: 'x' }] });
  });

  it('builds nested and/or groups; two rules on one key stay apart; empty means no filter', () => {
    const g: Group = {
      kind: 'group',
      combinator: '$and',
      children: [
        { kind: 'rule', field: 'vip', op: '$eq', value: true },
        {
          kind: 'group',
          combinator: '$or',
          children: [
            { kind: 'rule', field: 'channel', op: '$in', value: ['web', 'store'] },
            { kind: 'rule', field: 'total', op: '$gt', value: 10 },
          ],
        },
      ],
    };
    expect(toFilter(g)).toEqual({ vip: true, $or: [{ channel: { $in: ['web', 'store'] } }, { total: { $gt: 10 } }] });
    const clash: Group = {
      kind: 'group',
      combinator: '$and',
      children: [
        { kind: 'rule', field: 'a', op: '$eq', value: 1 },
        { kind: 'rule', field: 'a', op: '$ne', value: 2 },
        { kind: 'rule', field: 'a', op: '$ne', value: 3 },
      ],
    };
    expect(toFilter(clash)).toEqual({ $and: [{ a: 1 }, { a: { $ne: 2 } }, { a: { $ne: 3 } }] });
    expect(toFilter({ kind: 'group', combinator: '$and', children: [] })).toBeUndefined();
    expect(toFilter({ kind: 'group', combinator: '$and', children: [{ kind: 'rule', field: '', op: '$eq', value: '' }] })).toBeUndefined();
  });

  describe('every filter the schema allows', () => {
    const scalar = fc.constantFrom<unknown>(0, 1, 2, 'x', 'y', 'X', 'xy', true, false, null);
    const list = fc.array(scalar, { maxLength: 3 });
    // Operator objects of one to three operators, sometimes with a $not of the same kind (nested twice).
    const singles: Array<fc.Arbitrary<Filter>> = [
      ...['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'].map((op) => fc.record({ [op]: scalar })),
      fc.record({ $in: list }),
      fc.record({ $nin: list }),
      fc.record({ $exists: fc.boolean() }),
      fc.record({ $regex: fc.constantFrom('x', '^X', 'y$') }),
      fc.record({ $regex: fc.constantFrom('x', '^X'), $options: fc.constant('i') }),
      fc.record({ $options: fc.constant('i') }),
    ];
    const opsOf = (not?: fc.Arbitrary<Filter>): fc.Arbitrary<Filter> =>
      fc
        .array(fc.oneof(...singles, ...(not ? [not.map((n) => ({ $not: n }))] : [])), { minLength: 1, maxLength: 3 })
        .map((list) => Object.assign({}, ...list));
    const ops = opsOf(opsOf(opsOf()));
    const fields = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(scalar, ops, ops), { maxKeys: 3 });
    const nest = (inner: fc.Arbitrary<Filter>) =>
      fc
        .tuple(fields, fc.option(fc.array(inner, { maxLength: 3 })), fc.option(fc.array(inner, { maxLength: 3 })))
        .map(([f, and, or]): Filter => ({
          ...f,
          ...(and ? { $and: and } : {}),
          ...(or ? { $or: or } : {}),
        }));
    const filter = nest(nest(fields));
    const docs = fc.sample(
      fc.record(
        { a: fc.option(scalar, { nil: undefined }), b: fc.option(scalar, { nil: undefined }), c: fc.option(scalar, { nil: undefined }) },
        { requiredKeys: [] },
      ),
      { numRuns: 60, seed: 7 },
    );

    it('converts to a filter that is valid and matches exactly the same records, and is stable', () => {
      fc.assert(
        fc.property(filter, (f) => {
          const out = roundTrip(f);
          expect(filterIssues(f)).toEqual([]);
          expect(filterIssues(out)).toEqual([]);
          for (const doc of docs) expect({ doc, filter: f, match: judge(doc, out) }).toEqual({ doc, filter: f, match: judge(doc, f) });
          expect(roundTrip(out)).toEqual(out);
        }),
        { numRuns: 150, seed: 42 },
      );
    });
  });
});
