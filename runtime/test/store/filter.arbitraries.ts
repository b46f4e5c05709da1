import fc from 'fast-check';
import type { CollectionSpec, Doc, Filter, Scalar, SortKey } from '../../src/store';

/**
 * Random, type-consistent documents and filters for comparing the sqlite adapter with mingo.
 * Each field holds one type (or null, or is missing): cross-type comparisons follow SQLite,
 * not MongoDB's type brackets, and are a documented limitation. Range operators never get a
 * null operand: mingo's `$gte: null` does not match missing fields while MongoDB's does.
 */
export const PROP_SPEC = (name: string): CollectionSpec => ({
  name,
  fields: [
    { name: 's', kind: 'string', indexed: true },
    { name: 'n', kind: 'number', indexed: true },
    { name: 'b', kind: 'boolean' },
    { name: 'd', kind: 'date' },
    { name: 't', kind: 'array' },
    { name: 'o', kind: 'json' },
  ],
  indexes: [{ fields: ['s', 'n'] }],
});

const str = fc.constantFrom('a', 'b', 'ab', 'B', 'ba', 'abc', '', 'Z');
const num = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -1.5, 2.25));
const date = fc.constantFrom('2020-01-01', '2021-06-15', '2021-06-15T10:00:00.000Z', '2024-12-31');
const tag = fc.constantFrom('red', 'green', 'blue', 'Red');

/** value, null, or missing (undefined is dropped by the store and ignored by mingo) */
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: a }, fc.constant(null), fc.constant(undefined));

export const docArb: fc.Arbitrary<Doc> = fc.record({
  s: maybe(str),
  n: maybe(num),
  b: maybe(fc.boolean()),
  d: maybe(date),
  t: maybe(fc.array(fc.oneof({ weight: 8, arbitrary: tag }, fc.constant(null)), { maxLength: 3 })),
  o: maybe(fc.record({ x: maybe(num), y: maybe(str) })),
});

export const docsArb = fc.array(docArb, { minLength: 0, maxLength: 25 }).map((docs) =>
  docs.map((d, i) => {
    const out: Doc = { id: `r${String(i).padStart(2, '0')}` };
    for (const [k, v] of Object.entries(d)) if (v !== undefined) out[k] = v;
    return out;
  }),
);

/** Field path -> generator of comparable values for it. */
const FIELDS: Record<string, fc.Arbitrary<Exclude<Scalar, null>>> = {
  s: str,
  n: num,
  b: fc.boolean(),
  d: date,
  t: tag,
  'o.x': num,
  'o.y': str,
  id: fc.constantFrom('r00', 'r03', 'r10', 'r2'),
};
const REGEX_FIELDS = ['s', 't', 'o.y', 'd'];
const pattern = fc.constantFrom('^a', 'b$', 'A', '.', 'ab', '^$', 'r.d', '^2021', 'e');

const fieldArb = fc.constantFrom(...Object.keys(FIELDS));

function opsFor(field: string): fc.Arbitrary<Record<string, unknown>> {
  const v = FIELDS[field];
  const vOrNull = fc.oneof({ weight: 4, arbitrary: v }, fc.constant(null));
  const ops: Array<fc.Arbitrary<Record<string, unknown>>> = [
    vOrNull.map(($eq) => ({ $eq })),
    vOrNull.map(($ne) => ({ $ne })),
    fc.constantFrom('$gt', '$gte', '$lt', '$lte').chain((op) => v.map((x) => ({ [op]: x }))),
    fc.record({ $gt: v, $lt: v }),
    fc.array(vOrNull, { maxLength: 3 }).map(($in) => ({ $in })),
    fc.array(vOrNull, { maxLength: 3 }).map(($nin) => ({ $nin })),
    fc.boolean().map(($exists) => ({ $exists })),
  ];
  if (REGEX_FIELDS.includes(field)) {
    ops.push(fc.record({ $regex: pattern, $options: fc.constantFrom('i', undefined) }).map((r) => (r.$options ? r : { $regex: r.$regex })));
  }
  return fc.oneof(...ops);
}

const leafArb: fc.Arbitrary<Filter> = fieldArb.chain((field) =>
  fc.oneof(
    { weight: 2, arbitrary: FIELDS[field].map((v) => ({ [field]: v }) as Filter) },
    { weight: 6, arbitrary: opsFor(field).map((ops) => ({ [field]: ops }) as Filter) },
    { weight: 2, arbitrary: opsFor(field).map((ops) => ({ [field]: { $not: ops } }) as Filter) },
    { weight: 1, arbitrary: fc.constant({ o: { $exists: true } } as Filter) },
  ),
);

export const filterArb: fc.Arbitrary<Filter> = fc.letrec<{ f: Filter }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: leafArb },
    fc.array(tie('f'), { minLength: 1, maxLength: 3 }).map(($and) => ({ $and })),
    fc.array(tie('f'), { minLength: 1, maxLength: 3 }).map(($or) => ({ $or })),
  ),
})).f;

export const sortArb: fc.Arbitrary<SortKey[]> = fc.uniqueArray(
  fc.record({ field: fc.constantFrom('s', 'n', 'b', 'd', 'o.x', 'o.y', 'createdAt'), dir: fc.constantFrom<'asc' | 'desc'>('asc', 'desc') }),
  { selector: (k) => k.field, maxLength: 3 },
);
