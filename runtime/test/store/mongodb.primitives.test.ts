import { describe, expect, it } from '@jest/globals';
import { StoreError } from '../../src/store';
import { buildUpdate, buildUpsert, incError } from '../../src/store/mongodb/update-doc.mongo';
import { expiredExpr, expiredQuery, notExpired } from '../../src/store/mongodb/ttl.mongo';
import { claimQuery } from '../../src/store/mongodb/claim.mongo';
import { readQuery } from '../../src/store/mongodb/log.mongo';

/** What the MongoDB adapter sends for the new primitives, checked without a server (the contract suite runs them against one). */
const NOW = '2026-12-06T10:00:00.000Z';

describe('mongodb primitives without a server', () => {
  it('a patch without $inc is the classic $set + version $inc; system fields and undefined are dropped', () => {
    expect(buildUpdate({ name: 'x', id: 'no', version: 9, gone: undefined, nil: null }, NOW)).toEqual({
      $set: { name: 'x', nil: null, updatedAt: NOW },
      $inc: { version: 1 },
    });
  });

  it('a patch with $inc is a pipeline: $add of $ifNull(value, 0), literal values', () => {
    expect(buildUpdate({ n: { $inc: 2 }, label: '$name', obj: { a: 1 } }, NOW)).toEqual([
      {
        $set: {
          label: { $literal: '$name' },
          obj: { $literal: { a: 1 } },
          n: { $add: [{ $ifNull: ['$n', 0] }, 2] },
          updatedAt: NOW,
          version: { $add: ['$version', 1] },
        },
      },
    ]);
    expect(() => buildUpdate({ n: { $inc: Infinity } }, NOW)).toThrow(StoreError);
  });

  it('an upsert turns a missing or expired document into the new one, then applies the patch', () => {
    const expired = expiredExpr('expiresAt', NOW);
    const [replace, set] = buildUpsert('k', { hits: { $inc: 1 } }, { kind: 'a' }, NOW, expired);
    expect(replace).toEqual({
      $replaceWith: {
        $cond: [
          {
            $or: [
              { $eq: [{ $type: '$version' }, 'missing'] },
              { $and: [{ $eq: [{ $type: '$expiresAt' }, 'string'] }, { $lte: ['$expiresAt', NOW] }] },
            ],
          },
          { $literal: { kind: 'a', _id: 'k', version: 0, createdAt: NOW } },
          '$$ROOT',
        ],
      },
    });
    expect(set).toEqual({ $set: { hits: { $add: [{ $ifNull: ['$hits', 0] }, 1] }, updatedAt: NOW, version: { $add: ['$version', 1] } } });
    expect((buildUpsert('k', {}, {}, NOW, null)[0] as { $replaceWith: { $cond: unknown[] } }).$replaceWith.$cond[0]).toEqual({
      $eq: [{ $type: '$version' }, 'missing'],
    });
  });

  it('TTL: reads exclude string values at or before now; collections without expireField are untouched', () => {
    expect(expiredQuery('expiresAt', NOW)).toEqual({ expiresAt: { $lte: NOW } });
    expect(notExpired('expiresAt', { a: 1 }, NOW)).toEqual({ $and: [{ a: 1 }, { $nor: [{ expiresAt: { $lte: NOW } }] }] });
    expect(notExpired(undefined, { a: 1 }, NOW)).toEqual({ a: 1 });
    expect(expiredExpr(undefined, NOW)).toBeNull();
  });

  it('claim takes exclude what the same claim took', () => {
    expect(claimQuery({ owner: null }, undefined, [], NOW)).toEqual({ owner: null });
    expect(claimQuery({ owner: null }, undefined, ['a', 'b'], NOW)).toEqual({ $and: [{ owner: null }, { _id: { $nin: ['a', 'b'] } }] });
  });

  it('log reads are by seq, optionally by topic', () => {
    expect(readQuery(5, null)).toEqual({ _id: { $gt: 5 } });
    expect(readQuery(5, ['record'])).toEqual({ _id: { $gt: 5 }, topic: { $in: ['record'] } });
  });

  it('MongoDB type mismatches of $add become the port error; others pass through', () => {
    expect(incError({ code: 14, message: '$add only supports numeric or date types, not string' })).toBeInstanceOf(StoreError);
    const other = { code: 11000 };
    expect(incError(other)).toBe(other);
  });
});
