import { hash128 } from '../common/hash128';
import { base64urlToUtf8, bytesToBase64url, utf8ToBase64url } from '../common/base64url';
import { InvalidQueryError } from '../store/store.errors';
import { LIMITS } from './query.limits';

/**
 * Opaque keyset cursor: the last row's sort values and id, plus a checksum over them and the
 * query's fingerprint (collection + filter + sort). The checksum is not a secret-keyed MAC: it
 * catches edited or foreign cursors; a forged one can only select rows the caller may query
 * anyway, and every value is bound as a parameter.
 */
export interface CursorPosition {
  /** Sort values of the last row, in sort-key order, as the adapter compares them. */
  values: Array<string | number | boolean | null>;
  id: string;
}

function checksum(fingerprint: string, body: string): string {
  return bytesToBase64url(hash128(`${fingerprint}\0${body}`)).slice(0, 16);
}

export function encodeCursor(fingerprint: string, pos: CursorPosition): string {
  const body = JSON.stringify([pos.values, pos.id]);
  return utf8ToBase64url(JSON.stringify({ p: body, h: checksum(fingerprint, body) }));
}

export function decodeCursor(fingerprint: string, cursor: unknown, keyCount: number): CursorPosition {
  const bad = (why: string) => new InvalidQueryError(`invalid cursor: ${why}`, '/cursor');
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > LIMITS.maxCursorLength) throw bad('not a cursor string');
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad('not base64url');
  let outer: { p?: unknown; h?: unknown };
  let inner: unknown;
  try {
    outer = JSON.parse(base64urlToUtf8(cursor));
    if (typeof outer?.p !== 'string') throw new Error();
    inner = JSON.parse(outer.p);
  } catch {
    throw bad('malformed');
  }
  if (outer.h !== checksum(fingerprint, outer.p as string)) throw bad('it was altered or belongs to another filter/sort');
  if (!Array.isArray(inner) || inner.length !== 2) throw bad('malformed');
  const [values, id] = inner as [unknown, unknown];
  if (typeof id !== 'string' || !Array.isArray(values) || values.length !== keyCount) throw bad('malformed');
  for (const v of values) {
    const t = typeof v;
    if (v !== null && t !== 'string' && t !== 'number' && t !== 'boolean') throw bad('malformed');
  }
  return { values, id };
}

/** Identifies a query shape so a cursor cannot be replayed against another filter or sort. */
export function queryFingerprint(collection: string, filter: unknown, sort: unknown): string {
  return bytesToBase64url(hash128(JSON.stringify([collection, filter, sort]))).slice(0, 22);
}
