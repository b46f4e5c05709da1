/**
 * Schema migrations: each turns a document of `schemaVersion` `from` into `to` (= from + 1).
 * A migration sees an untyped document (older formats have no generated types) and must not
 * assume anything the old format did not guarantee.
 */
import type { ValidationIssue } from '../validate/validation-issue';

export const CURRENT_SCHEMA_VERSION = 1;

export type Doc = Record<string, unknown>;

export interface Migration {
  from: number;
  to: number;
  migrate(doc: Doc): Doc;
}

export type MigrationResult = { ok: true; definition: Doc } | { ok: false; errors: ValidationIssue[] };

/** Checks the list once: one step per version, each to the next version. */
export function defineMigrations(list: Migration[]): Migration[] {
  const seen = new Set<number>();
  for (const m of list) {
    if (m.to !== m.from + 1) throw new Error(`migration ${m.from} -> ${m.to} must go to ${m.from + 1}`);
    if (seen.has(m.from)) throw new Error(`migration from schemaVersion ${m.from} is registered twice`);
    seen.add(m.from);
  }
  return list;
}
