import type Database from 'better-sqlite3';

/**
 * Prepared statements keyed by SQL text. Filters compile to the same text for the same shape
 * (values are parameters), so a busy list endpoint prepares once. Bounded, least-recently-used
 * first out (Map keeps insertion order; a hit re-inserts).
 */
export class StatementCache {
  private readonly map = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly max = 500,
  ) {}

  get(sql: string): Database.Statement {
    let st = this.map.get(sql);
    if (st) {
      this.map.delete(sql);
      this.map.set(sql, st);
      return st;
    }
    st = this.db.prepare(sql);
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as string);
    this.map.set(sql, st);
    return st;
  }

  clear(): void {
    this.map.clear();
  }
}
