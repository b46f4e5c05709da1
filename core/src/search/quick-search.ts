/**
 * The quick search of lists: what it matches and how a query is split into terms. Shared by the
 * store adapters (SQLite FTS5 index, MongoDB regexes), the records API and the renderer's demo
 * data, so a search finds the same records everywhere.
 *
 * Matching: the query is split into words (runs of letters and digits, as SQLite's unicode61
 * tokenizer splits text); a record matches when every word is the beginning of some word in one of
 * the entity's search fields, ignoring case and diacritics ("smi" finds "Smith", "zoe" finds "Zoë").
 */
import type { Entity } from '../generated/app-definition';
import { getFieldType } from '../field-types/field-queries';

/** Default search index: at most this many fields. */
const DEFAULT_FIELDS = 8;
/** A query has at most this many words; each at most this long (longer ones are cut). */
export const MAX_SEARCH_TERMS = 8;
export const MAX_TERM_LENGTH = 64;

/** The fields the quick search of `entity` matches (see `searchFields` in the entity schema). */
export function searchFieldsOf(entity: Pick<Entity, 'fields' | 'display' | 'searchFields'>): string[] {
  if (entity.searchFields) return [...entity.searchFields];
  return entity.fields
    .filter((f) => getFieldType(f.type).searchable === 'default')
    .sort((a, b) => (a.id === entity.display ? -1 : b.id === entity.display ? 1 : 0))
    .slice(0, DEFAULT_FIELDS)
    .map((f) => f.id);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words without diacritics, the way they are compared. */
export function searchTerms(text: string): string[] {
  return [...new Set(fold(text).match(WORD) ?? [])].slice(0, MAX_SEARCH_TERMS).map((t) => t.slice(0, MAX_TERM_LENGTH));
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether a record whose search fields hold `values` matches every term (in-memory evaluation). */
export function matchesSearch(values: unknown[], terms: string[]): boolean {
  const words = values.flatMap((v) =>
    v === null || v === undefined ? [] : (fold(typeof v === 'string' ? v : JSON.stringify(v)).match(WORD) ?? []),
  );
  return terms.every((t) => words.some((w) => w.startsWith(t)));
}
