import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { base64urlToUtf8, utf8ToBase64url } from '../../../core/src/common/base64url';
import { utf8Decode, utf8Encode } from '../../../core/src/common/utf8';
import { decodeCursor, encodeCursor, queryFingerprint } from '@tessera/core/query';

/** The cursor codec is pure (browser-safe): its base64url and UTF-8 must be what Buffer writes. */
describe('pure cursor codec', () => {
  it('base64url equals Buffer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(utf8ToBase64url(text)).toBe(Buffer.from(text).toString('base64url'));
        expect(base64urlToUtf8(utf8ToBase64url(text))).toBe(
          Buffer.from(Buffer.from(text).toString('base64url'), 'base64url').toString('utf8'),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('UTF-8 equals Buffer, lone surrogates and invalid bytes included', () => {
    const units = fc
      .array(fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff })), { maxLength: 40 })
      .map((a) => String.fromCharCode(...a));
    fc.assert(
      fc.property(units, (text) => {
        expect(Buffer.from(utf8Encode(text)).equals(Buffer.from(text))).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(utf8Decode(bytes)).toBe(Buffer.from(bytes).toString('utf8'));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips a cursor and refuses one that was edited or belongs to another query', () => {
    const sort = [
      { field: 'name', dir: 'asc' },
      { field: 'id', dir: 'asc' },
    ];
    const fp = queryFingerprint('contacts', { op: 'and', args: [] }, sort);
    expect(fp).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(queryFingerprint('contacts', { op: 'and', args: [] }, [...sort].reverse())).not.toBe(fp);
    const cursor = encodeCursor(fp, { values: ['Zoë', 3, null], id: 'r1' });
    expect(decodeCursor(fp, cursor, 3)).toEqual({ values: ['Zoë', 3, null], id: 'r1' });
    expect(() => decodeCursor(`${fp}x`, cursor, 3)).toThrow(/altered/);
    const outer = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const edited = Buffer.from(JSON.stringify({ ...outer, p: outer.p.replace('r1', 'r2') })).toString('base64url');
    expect(() => decodeCursor(fp, edited, 3)).toThrow(/altered/);
  });
});
