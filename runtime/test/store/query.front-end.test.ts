import { describe, expect, it } from '@jest/globals';
import { InvalidQueryError, normalizeFilter, validateQuery } from '../../src/store';
import { newId } from '@tessera/core/store/shared';

describe('query front end', () => {
  it('normalizes a filter into the small AST', () => {
    expect(normalizeFilter({ a: 1, b: { $ne: null, $in: ['x'] }, $or: [{ c: { $not: { $regex: 'q', $options: 'i' } } }] })).toEqual({
      op: 'and',
      args: [
        { op: 'eq', field: 'a', value: 1 },
        {
          op: 'and',
          args: [
            { op: 'ne', field: 'b', value: null },
            { op: 'in', field: 'b', values: ['x'] },
          ],
        },
        { op: 'or', args: [{ op: 'not', field: 'c', arg: { op: 'regex', field: 'c', pattern: 'q', flags: 'i' } }] },
      ],
    });
    expect(normalizeFilter(undefined)).toEqual({ op: 'and', args: [] });
    expect(normalizeFilter({ a: undefined })).toEqual({ op: 'and', args: [] });
  });

  it('validateQuery applies knownFields to filters, sorts and groupings', () => {
    const rules = { knownFields: ['name', 'meta'], arrayFields: ['tags'] };
    expect(() =>
      validateQuery(
        {
          filter: { name: 'x', 'meta.a': 1, id: 'x', createdBy: 'u', updatedAt: { $gt: '2020' } },
          sort: [{ field: 'version', dir: 'desc' }],
        },
        rules,
      ),
    ).not.toThrow();
    const err = (() => {
      try {
        validateQuery({ filter: { $or: [{ secret: 1 }] } }, rules);
      } catch (e) {
        return e as InvalidQueryError;
      }
    })();
    expect(err).toBeInstanceOf(InvalidQueryError);
    expect(err).toMatchObject({ path: '/filter/$or/0/secret', message: 'unknown field "secret"' });
    expect(() => validateQuery({ sort: [{ field: 'secret', dir: 'asc' }] }, rules)).toThrow(/unknown field/);
    expect(() => validateQuery({ groupBy: ['secret'], metrics: [{ op: 'count', as: 'n' }] }, rules)).toThrow(/unknown field/);
    expect(() => validateQuery({ limit: 5000 }, rules)).toThrow(InvalidQueryError);
    expect(() => validateQuery({ cursor: '%%%' }, rules)).toThrow(InvalidQueryError);
  });

  it('ids are 26-char, URL-safe, unique and increasing within one millisecond', () => {
    const made = Array.from({ length: 10_000 }, () => newId(1_700_000_000_000));
    expect(made.every((id) => /^[0-9a-z]{26}$/.test(id))).toBe(true);
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
    expect(newId(1_700_000_000_001) > made[made.length - 1]).toBe(true);
  });
});
