import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { InvalidQueryError, type SortKey } from '../../src/store';
import type { MongoStore } from '../../src/store/mongodb/mongo.store';
import { buildSchema, planMongoIndex } from '../../src/store/mongodb/model.build';
import { toMongoFilter } from '../../src/store/mongodb/filter.mongo';
import { keysetQuery, sortValue, toMongoSort } from '../../src/store/mongodb/sort.mongo';
import { buildFindQuery } from '../../src/store/mongodb/find.mongo';
import { buildPipeline, toRows } from '../../src/store/mongodb/aggregate.mongo';
import { mapMongoError } from '../../src/store/mongodb/mongo.errors';
import { sanitizeSpec } from '@tessera/core/store/shared';
import { normalizeFilter } from '@tessera/core/query';
import { normalizeFind } from '@tessera/core/query';
import { normalizeAggregate } from '@tessera/core/query';
import { describeStoreContract } from './contract.suite';
import { CONTACTS } from './contract/fixtures';

const uri = process.env.TESSERA_TEST_MONGODB_URI;

if (uri) {
  // One database per store, dropped when the store closes; needs a replica set (transactions).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when MongoDB is used, so SQLite users never load mongoose
  const { createMongoStore } = require('../../src/store/mongodb/mongo.store') as typeof import('../../src/store/mongodb/mongo.store');
  // Peers are more connections to the same database; the last one to close drops it.
  let dbName = '';
  const open = new Map<string, Set<MongoStore>>();
  const connect = async (): Promise<MongoStore> => {
    const name = dbName;
    const store: MongoStore = await createMongoStore({ uri, dbName: name });
    const instances = open.get(name) ?? new Set();
    open.set(name, instances.add(store));
    const close = store.close.bind(store);
    store.close = async () => {
      if (!instances.delete(store)) return;
      if (instances.size === 0) await store.connection.dropDatabase();
      await close();
    };
    return store;
  };
  describeStoreContract(
    'mongodb',
    async () => {
      dbName = `tessera_test_${randomBytes(6).toString('hex')}`;
      return connect();
    },
    { peer: connect },
  );
} else {
  console.log('MongoDB contract suite skipped: TESSERA_TEST_MONGODB_URI is unset');
}

const q = (f: unknown) => toMongoFilter(normalizeFilter(f as never));

describe('mongodb adapter without a server', () => {
  it('builds a mongoose schema and indexes from a CollectionSpec', () => {
    const spec = sanitizeSpec(CONTACTS);
    const schema = buildSchema(spec);
    expect(
      Object.fromEntries(
        ['_id', 'email', 'score', 'vip', 'born', 'tags', 'meta', 'version', 'createdAt'].map((p) => [p, schema.path(p)?.instance]),
      ),
    ).toMatchSnapshot();
    expect(schema.get('strict')).toBe(false);
    expect(schema.get('versionKey')).toBe(false);
    expect(schema.get('timestamps')).toBe(false);
    expect(schema.indexes()).toMatchSnapshot();
  });

  it('unique indexes are partial (absent/null values never collide); plain ones end with _id', () => {
    const spec = sanitizeSpec(CONTACTS);
    const email = planMongoIndex(spec, { fields: ['email'], unique: true });
    expect(email.options).toMatchObject({ unique: true, partialFilterExpression: { email: { $type: 'string' } } });
    expect(planMongoIndex(spec, { fields: ['score'], unique: false }).key).toEqual({ score: 1, _id: 1 });
    expect(planMongoIndex(spec, { fields: ['company', 'code'], unique: true }).options.partialFilterExpression).toEqual({
      company: { $exists: true },
      code: { $exists: true },
    });
  });

  it('an ignoreCase unique index compares at strength 2 (case ignored) and has a name of its own', () => {
    const spec = sanitizeSpec(CONTACTS);
    const folded = planMongoIndex(spec, { fields: ['email'], unique: true, ignoreCase: true });
    expect(folded.options).toMatchObject({ unique: true, collation: { locale: 'en', strength: 2 } });
    expect(folded.options.name).not.toBe(planMongoIndex(spec, { fields: ['email'], unique: true }).options.name);
    expect(planMongoIndex(spec, { fields: ['email'], unique: true }).options).not.toHaveProperty('collation');
  });

  it.each([
    [{}],
    [{ status: 'open', vip: false }],
    [{ id: { $in: ['a', 'b'] }, email: null }],
    [{ score: { $gt: 1, $lt: 8 } }],
    [{ score: { $not: { $gt: 5 } } }],
    [{ name: { $not: { $regex: '^b', $options: 'i' } } }],
    [{ 'meta.city': { $regex: '^paris$', $options: 'i' }, tags: { $nin: ['x', null] } }],
    [{ $or: [{ status: 'closed' }, { $and: [{ vip: true }, { score: { $exists: true } }] }] }],
    [{ $and: [{ $or: [{ a: 1 }] }, { $or: [{ b: 2 }] }] }],
    [{ a: { $not: { $not: { $eq: 1 } } } }],
  ])('filter %j -> mongo query', (filter) => {
    expect(q(filter)).toMatchSnapshot();
  });

  it('refuses operators before any query is built', () => {
    expect(() => q({ $where: 'x' })).toThrow(InvalidQueryError);
    expect(() => q({ a: { $function: {} } })).toThrow(InvalidQueryError);
  });

  it('builds sorts and keyset cursor queries', () => {
    const sort: SortKey[] = [
      { field: 'score', dir: 'desc' },
      { field: 'name', dir: 'asc' },
      { field: 'id', dir: 'asc' },
    ];
    expect(toMongoSort(sort)).toEqual({ score: -1, name: 1, _id: 1 });
    expect(keysetQuery(sort, { values: [5, 'bob'], id: 'x' })).toMatchSnapshot();
    expect(keysetQuery(sort, { values: [null, null], id: 'x' })).toMatchSnapshot();
    expect(sortValue({ _id: 'x', meta: { level: 2 } }, 'meta.level')).toBe(2);
    expect(sortValue({ _id: 'x' }, 'meta.level')).toBeNull();
    expect(sortValue({ _id: 'x' }, 'id')).toBe('x');
  });

  it('find query combines filter and cursor; cursor round-trips through normalizeFind', () => {
    const first = normalizeFind('contacts', { filter: { status: 'open' }, sort: [{ field: 'score', dir: 'asc' }], limit: 2 });
    expect(buildFindQuery(first)).toEqual({ query: { status: { $eq: 'open' } }, sort: { score: 1, _id: 1 }, limit: 3 });
    const cursor = first.cursorFor({ values: [7.5], id: 'd' });
    const next = normalizeFind('contacts', { filter: { status: 'open' }, sort: [{ field: 'score', dir: 'asc' }], limit: 2, cursor });
    expect(buildFindQuery(next)).toMatchSnapshot();
  });

  it('builds aggregate pipelines and shapes their rows', () => {
    const agg = normalizeAggregate({
      filter: { status: { $ne: 'lost' } },
      groupBy: ['status', 'meta.city'],
      metrics: [
        { op: 'count', as: 'n' },
        { op: 'sum', field: 'score', as: 's' },
        { op: 'avg', field: 'version', as: 'v' },
      ],
    });
    expect(buildPipeline(agg)).toMatchSnapshot();
    expect(toRows(agg, [{ _id: { g0: 'open' }, m0: 2, m1: 3, m2: 1 }])).toEqual([{ status: 'open', 'meta.city': null, n: 2, s: 3, v: 1 }]);
    const total = normalizeAggregate({
      metrics: [
        { op: 'count', as: 'n' },
        { op: 'max', field: 'score', as: 'm' },
      ],
    });
    expect(buildPipeline(total)).toEqual([{ $match: {} }, { $group: { _id: null, m0: { $sum: 1 }, m1: { $max: '$score' } } }]);
    expect(toRows(total, [])).toEqual([{ n: 0, m: null }]);
  });

  it('maps E11000 to UniqueViolationError with field names', () => {
    const ctx = { name: 'contacts', indexFields: new Map([['tx_company__code__u_1', ['company', 'code']]]) };
    expect(mapMongoError(ctx, { code: 11000, keyPattern: { email: 1 } })).toMatchObject({
      name: 'UniqueViolationError',
      fields: ['email'],
    });
    expect(mapMongoError(ctx, { code: 11000, keyPattern: { _id: 1 } })).toMatchObject({ fields: ['id'] });
    expect(
      mapMongoError(ctx, {
        code: 11000,
        message: 'E11000 duplicate key error collection: t.contacts index: tx_company__code__u_1 dup key',
      }),
    ).toMatchObject({ fields: ['company', 'code'] });
    const other = new Error('other');
    expect(mapMongoError(ctx, other)).toBe(other);
  });
});
