import type { Doc } from '../store.port';

/**
 * TTL (`CollectionSpec.expireField`): a document is expired when that field holds a string at or
 * before now, compared as text, which orders ISO 8601 UTC times as written by `toISOString()`.
 * Any other value (absent, null, a number) never expires. Every adapter uses this rule.
 */
export function isExpired(doc: Doc, expireField: string | undefined, nowIso: string): boolean {
  if (!expireField) return false;
  const v = valueAt(doc, expireField);
  return typeof v === 'string' && v <= nowIso;
}

function valueAt(doc: Doc, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Doc)[part];
  }
  return cur;
}

export const nowIso = (now: Date = new Date()) => now.toISOString();
