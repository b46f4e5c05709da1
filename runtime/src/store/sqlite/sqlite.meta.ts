import type Database from 'better-sqlite3';
import type { CollectionSpec } from '@tessera/core/store';

/**
 * Which collections exist and their last spec (needed to reopen a collection: array fields,
 * unique-index names). Collection names cannot start with "__", so this cannot collide.
 */
export const META_TABLE = '"__tessera_collections"';

export function ensureMeta(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${META_TABLE} ("name" TEXT PRIMARY KEY NOT NULL, "spec" TEXT NOT NULL)`);
}

export function readSpec(db: Database.Database, name: string): CollectionSpec | null {
  const json = db.prepare(`SELECT spec FROM ${META_TABLE} WHERE name = ?`).pluck().get(name) as string | undefined;
  return json === undefined ? null : (JSON.parse(json) as CollectionSpec);
}

export function listNames(db: Database.Database): string[] {
  return db.prepare(`SELECT name FROM ${META_TABLE} ORDER BY name`).pluck().all() as string[];
}

export function forget(db: Database.Database, name: string): void {
  db.prepare(`DELETE FROM ${META_TABLE} WHERE name = ?`).run(name);
}
