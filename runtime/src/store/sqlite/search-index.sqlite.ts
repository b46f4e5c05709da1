import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { foldSearchText, matchesSearch } from '@tessera/core';
import { InvalidQueryError } from '@tessera/core/store';
import { foldCase } from '@tessera/core/store/shared';
import type { SanitizedSpec } from '@tessera/core/store/shared';
import type { SearchNode } from '@tessera/core/query';
import { jsonPath, quoteIdent } from './sql.fields';

/**
 * The text search index of a collection: an FTS5 table kept in step by triggers, so every writer
 * (this process, another one on the same file, a bulk insert) updates it in the same transaction.
 *
 * - contentless (`content=''`) with `contentless_delete=1`: it holds only the word index, keyed by
 *   the collection's rowid, not a second copy of the text;
 * - unicode61 with diacritics removed; no prefix indexes: prefix queries scan the sorted term
 *   list, sub-millisecond at 100k rows, while prefix indexes ('2 3') halved bulk-insert speed;
 * - columns are named f0…fN by position, so a field name never meets FTS5 query syntax.
 * The name ends with a hash of the field list and FORMAT: another list (or format) is another
 * index, built from the rows in `ensureSearchIndex`, and the old one is dropped.
 */
const PREFIX = '__search_';
// 3: the indexed text goes through foldSearchText, as queries do (Hangul, full-width forms, Chinese characters).
// 4: the same text, with the fold called only for values that are not printable ASCII (new triggers).
const FORMAT = 4;

export function searchTableName(spec: Pick<SanitizedSpec, 'name' | 'search'>): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([FORMAT, spec.search]))
    .digest('hex')
    .slice(0, 8);
  return `${PREFIX}${spec.name}_${hash}`;
}

/**
 * What is indexed of a field: its text in the query's normalization (tessera_search_text, below).
 * Printable ASCII goes in as it is: the folding would only lower its case, which the tokenizer
 * does anyway, and a call into JavaScript per field is most of what the index costs a write.
 */
const indexed = (value: string) => `CASE WHEN ${value} GLOB '*[^ -~]*' THEN tessera_search_text(${value}) ELSE ${value} END`;
const textOf = (row: 'new' | 'old', field: string) => indexed(`json_extract(${row}."doc", ${jsonPath(field)})`);

/** Drops the collection's search indexes except `keep`; returns the names that existed. */
export function dropSearchIndexes(db: Database.Database, collection: string, keep: string | null = null): string[] {
  const own = new RegExp(`^${PREFIX}${collection}_[0-9a-f]{8}$`);
  const existing = (
    db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, ?) = ?`)
      .pluck()
      .all(PREFIX.length + collection.length + 1, `${PREFIX}${collection}_`) as string[]
  ).filter((n) => own.test(n));
  for (const name of existing) {
    if (name === keep) continue;
    for (const suffix of ['ai', 'au', 'ad']) db.exec(`DROP TRIGGER IF EXISTS ${quoteIdent(`${name}_${suffix}`)}`);
    db.exec(`DROP TABLE ${quoteIdent(name)}`);
  }
  return existing;
}

/** Creates, rebuilds or drops the search index to match `spec.search`; runs inside ensureTable's transaction. */
export function ensureSearchIndex(db: Database.Database, spec: SanitizedSpec): void {
  const wanted = spec.search.length ? searchTableName(spec) : null;
  const existing = dropSearchIndexes(db, spec.name, wanted);
  if (!wanted || existing.includes(wanted)) return;

  const fts = quoteIdent(wanted);
  const table = quoteIdent(spec.name);
  const cols = spec.search.map((_, i) => `"f${i}"`).join(', ');
  const values = (row: 'new' | 'old') => spec.search.map((f) => textOf(row, f)).join(', ');
  db.exec(`CREATE VIRTUAL TABLE ${fts} USING fts5(${cols}, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`);
  db.exec(
    `INSERT INTO ${fts} (rowid, ${cols}) SELECT rowid, ${spec.search.map((f) => indexed(`json_extract("doc", ${jsonPath(f)})`)).join(', ')} FROM ${table}`,
  );
  db.exec(
    `CREATE TRIGGER ${quoteIdent(`${wanted}_ai`)} AFTER INSERT ON ${table} BEGIN INSERT INTO ${fts} (rowid, ${cols}) VALUES (new.rowid, ${values('new')}); END`,
  );
  db.exec(`CREATE TRIGGER ${quoteIdent(`${wanted}_ad`)} AFTER DELETE ON ${table} BEGIN DELETE FROM ${fts} WHERE rowid = old.rowid; END`);
  db.exec(
    `CREATE TRIGGER ${quoteIdent(`${wanted}_au`)} AFTER UPDATE OF "doc" ON ${table} BEGIN DELETE FROM ${fts} WHERE rowid = old.rowid; INSERT INTO ${fts} (rowid, ${cols}) VALUES (new.rowid, ${values('new')}); END`,
  );
}

/** Runs a one-value query (the term probes below); absent when compiling without a connection (EXPLAIN helpers). */
export type Probe = (sql: string, param: unknown) => number;

/** A term that matches at most this many rows narrows a search; one above it is checked on those rows instead. */
const SELECTIVE = 2000;
const MIN_RARE_LENGTH = 4;

/**
 * `rowid IN (…FTS5 MATCH ?)`, the FTS5 query bound as a parameter, terms quoted as strings.
 *
 * FTS5 intersects the terms of an AND by reading every term's whole doclist, so one word found
 * in every row (the "example" of "ann@example.com") costs a pass over a million entries. With
 * several terms, each is probed first as a whole word (a prefix query merges every matching
 * term's doclist up front, a whole word is read lazily, so the probe stops after SELECTIVE + 1
 * entries; the whole word matches no more rows than the prefix, so "common" is never wrong); the
 * common ones are left out of MATCH and checked on the few rows the selective ones found, by
 * `tessera_search_words` (same word-prefix rule, @tessera/core quick-search). A search with a
 * rare word is `selective`: the caller lets it drive the query (see filter.sql.ts).
 */
export function searchSqlOf(node: SearchNode, spec: SanitizedSpec, params: unknown[], probe?: Probe): { sql: string; selective: boolean } {
  if (spec.search.length === 0) throw new InvalidQueryError(`collection "${spec.name}" has no search fields`, '/$search');
  const fields = node.fields ?? spec.search;
  const cols = fields.map((f) => {
    const i = spec.search.indexOf(f);
    if (i < 0) throw new InvalidQueryError(`"${f}" is not one of the search fields (${spec.search.join(', ')})`, '/$search/fields');
    return `f${i}`;
  });
  const fts = quoteIdent(searchTableName(spec));
  const match = (terms: string[], prefix = '*') =>
    `{${cols.join(' ')}} : (${terms.map((t) => `"${t.replace(/"/g, '""')}"${prefix}`).join(' AND ')})`;
  // Shorter words are never taken as rare: as prefixes they can stand for many words ("jo").
  const few = probe
    ? node.terms.filter(
        (t) =>
          t.length >= MIN_RARE_LENGTH &&
          probe(`SELECT COUNT(*) FROM (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? LIMIT ${SELECTIVE + 1})`, match([t], '')) <= SELECTIVE,
      )
    : [];
  const used = few.length > 0 ? few : node.terms;
  params.push(match(used));
  const sql = `"rowid" IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?)`;
  const rest = node.terms.filter((t) => !used.includes(t));
  if (rest.length === 0) return { sql, selective: few.length > 0 };
  params.push(JSON.stringify(rest));
  return {
    sql: `${sql} AND tessera_search_words(?, ${fields.map((f) => `json_extract("doc", ${jsonPath(f)})`).join(', ')})`,
    selective: true,
  };
}

/**
 * `tessera_search_words(termsJson, value…)`: 1 when every term begins a word of one of the values.
 * `tessera_search_text(value)`: a value as the index holds it (non-text values as their JSON text,
 * as json_extract gives them). The index's triggers call it, so every connection that writes
 * (each Tessera process) registers it.
 */
export function registerSearchWords(db: Database.Database): void {
  // The fold of case-insensitive unique indexes (ensure-collection.sqlite.ts): an index expression, so deterministic.
  db.function('tessera_fold_case', { deterministic: true }, (value: unknown) =>
    value === null || value === undefined ? null : foldCase(String(value)),
  );
  db.function('tessera_search_text', { deterministic: true }, (value: unknown) =>
    value === null || value === undefined ? null : foldSearchText(String(value)),
  );
  db.function('tessera_search_words', { deterministic: true, varargs: true }, (terms: unknown, ...values: unknown[]) =>
    matchesSearch(values, JSON.parse(String(terms)) as string[]) ? 1 : 0,
  );
}
