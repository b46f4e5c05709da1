import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256 } from '../../../core/src/common/sha256';
import { base64urlToUtf8, utf8ToBase64url } from '../../../core/src/common/base64url';
import { utf8Decode, utf8Encode } from '../../../core/src/common/utf8';
import { decodeCursor, encodeCursor, queryFingerprint } from '@tessera/core/query';

/** The cursor codec is pure (browser-safe) now; cursors it writes must stay what node:crypto and Buffer wrote. */
describe('pure cursor codec', () => {
  it('sha256 and base64url equal node:crypto and Buffer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(Buffer.from(sha256(text)).toString('hex')).toBe(createHash('sha256').update(text).digest('hex'));
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

  it('writes the cursors the node:crypto version wrote', () => {
    const fp = queryFingerprint('contacts', { op: 'and', args: [] }, [
      { field: 'name', dir: 'asc' },
      { field: 'id', dir: 'asc' },
    ]);
    const nodeFp = createHash('sha256')
      .update(
        JSON.stringify([
          'contacts',
          { op: 'and', args: [] },
          [
            { field: 'name', dir: 'asc' },
            { field: 'id', dir: 'asc' },
          ],
        ]),
      )
      .digest('base64url')
      .slice(0, 22);
    expect(fp).toBe(nodeFp);
    const body = JSON.stringify([['Zoë', 3, null], 'r1']);
    const h = createHash('sha256').update(fp).update('\0').update(body).digest('base64url').slice(0, 16);
    const cursor = encodeCursor(fp, { values: ['Zoë', 3, null], id: 'r1' });
    expect(cursor).toBe(Buffer.from(JSON.stringify({ p: body, h })).toString('base64url'));
    expect(decodeCursor(fp, cursor, 3)).toEqual({ values: ['Zoë', 3, null], id: 'r1' });
    expect(() => decodeCursor(`${fp}x`, cursor, 3)).toThrow(/altered/);
  });
});
