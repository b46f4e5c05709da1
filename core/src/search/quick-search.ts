/**
 * The quick search of lists: what it matches and how a query is split into terms. Shared by the
 * store adapters (SQLite FTS5 index, MongoDB regexes), the records API and the renderer's demo
 * data, so a search finds the same records everywhere.
 *
 * Matching: the query is split into words (runs of letters, digits and their marks, as SQLite's
 * unicode61 tokenizer splits text; each Chinese character is a word); a record matches when every
 * word is the beginning of some word in one of the entity's search fields, ignoring case and
 * diacritics ("smi" finds "Smith", "zoe" finds "Zoë"). Query and index go through foldSearchText.
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

/** Printable ASCII (and tab and line breaks): text none of whose characters NFKD, the diacritic ranges or HAN touch. */
const ASCII = /^[ -~\t\n\r]*$/;

/** A word: letters, digits and the marks that belong to them (Devanagari vowel signs), as unicode61 reads tokens. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** Accents of Latin, Greek and Cyrillic letters and Arabic vowel marks: ignored ("zoe" finds "Zoë", "محمد" finds "مُحَمَّد"). */
const DIACRITIC_RANGES: Array<[number, number]> = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
];
const MARK = /\p{M}/gu;
const dropDiacritic = (mark: string) => {
  const cp = mark.codePointAt(0)!;
  return DIACRITIC_RANGES.some(([from, to]) => cp >= from && cp <= to) ? '' : mark;
};
/** Chinese characters (and the kanji of Japanese) are words of their own: "三丰" finds "张三丰". */
const HAN = /(\p{Script=Han})/gu;

/** Lower-cased words without diacritics, the way they are compared. */
export function searchTerms(text: string): string[] {
  return [...new Set(foldSearchText(text).match(WORD) ?? [])].slice(0, MAX_SEARCH_TERMS).map((t) => t.slice(0, MAX_TERM_LENGTH));
}

/**
 * The one normalization of searched text, for the query and for what is indexed (the SQLite
 * index stores this form: search-index.sqlite.ts): compatibility forms unfolded (full-width
 * "ＡＢＣ" is "abc", Hangul syllables their letters, so "하" begins "한국"), diacritics dropped,
 * lower case, each Chinese character a word.
 */
export function foldSearchText(text: string): string {
  // Most indexed text is ASCII, which none of the steps below change except for case (and this is
  // on the path of every record write).
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(MARK, dropDiacritic).toLowerCase().replace(HAN, ' $1 ');
}

/** Whether a record whose search fields hold `values` matches every term (in-memory evaluation). */
export function matchesSearch(values: unknown[], terms: string[]): boolean {
  const words = values.flatMap((v) =>
    v === null || v === undefined ? [] : (foldSearchText(typeof v === 'string' ? v : JSON.stringify(v)).match(WORD) ?? []),
  );
  return terms.every((t) => words.some((w) => w.startsWith(t)));
}
