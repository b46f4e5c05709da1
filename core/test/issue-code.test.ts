import { describe, expect, it } from '@jest/globals';
import { createRecordValidator, issueCode, type Entity } from '../src/index';

/** Every field rule a CSV row or a form can break, through the real record validator. */
const entity = {
  id: 'thing',
  label: 'Thing',
  fields: [
    { id: 'email', type: 'email' },
    { id: 'site', type: 'url' },
    { id: 'day', type: 'date' },
    { id: 'at', type: 'datetime' },
    { id: 'code', type: 'text', pattern: '^[A-Z]+$', maxLength: 5, minLength: 2 },
    { id: 'score', type: 'number', min: 0, max: 10 },
    { id: 'stage', type: 'enum', options: [{ value: 'open' }, { value: 'won' }] },
    { id: 'tags', type: 'multienum', options: [{ value: 'a' }, { value: 'b' }, { value: 'c' }], maxItems: 2 },
    { id: 'full', type: 'computed', expression: { $expr: 'code' } },
  ],
} as unknown as Entity;

const codes = (record: Record<string, unknown>) =>
  createRecordValidator(entity, 'create')(record).errors.map((e) => ({ pointer: e.pointer, ...issueCode(e.message) }));

describe('issueCode', () => {
  it('names the rule and its parameters for every field-value message of the record validator', () => {
    expect(
      codes({ email: 'x', site: 'ftp:x', day: '2026-13-45', at: 'soon', score: 11, stage: 'lost', tags: ['a', 'a', 'b'], full: 'x' }),
    ).toEqual(
      expect.arrayContaining([
        { pointer: '/email', code: 'email', params: {} },
        { pointer: '/day', code: 'date', params: {} },
        { pointer: '/at', code: 'datetime', params: {} },
        { pointer: '/score', code: 'max', params: { n: 10 } },
        { pointer: '/stage', code: 'option', params: { allowed: '"open", "won", null' } },
        { pointer: '/tags', code: 'maxItems', params: { n: 2 } },
        { pointer: '/tags', code: 'duplicates', params: {} },
        { pointer: '/full', code: 'readonly', params: {} },
      ]),
    );
    expect(codes({ site: 'ftp:x' })[0]).toMatchObject({ pointer: '/site', code: 'url' });
    expect(codes({ code: 'abcdefg' })).toEqual([
      { pointer: '/code', code: 'maxLength', params: { n: 5 } },
      { pointer: '/code', code: 'pattern', params: { pattern: '^[A-Z]+$' } },
    ]);
    expect(codes({ code: 'A' })).toEqual([{ pointer: '/code', code: 'minLength', params: { n: 2 } }]);
    expect(codes({ score: -1 })).toEqual([{ pointer: '/score', code: 'min', params: { n: 0 } }]);
    expect(codes({ score: 'many' })).toEqual([{ pointer: '/score', code: 'number', params: {} }]);
  });

  it('leaves anything else as `other`, so the message is shown as it is', () => {
    expect(issueCode('unknown property "nmae"')).toEqual({ code: 'other', params: {} });
    expect(issueCode('missing required property "name"')).toEqual({ code: 'other', params: {} });
  });
});
