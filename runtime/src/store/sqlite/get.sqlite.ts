import type { StoredDoc } from '../store.port';
import { toStored } from '../shared/doc.prepare';
import type { RawRow, SqliteContext } from './sqlite.context';

export function rowToDoc(row: RawRow): StoredDoc {
  return toStored(row[0], row[1], row[2], row[3], JSON.parse(row[4]));
}

export function get(ctx: SqliteContext, id: string): StoredDoc | null {
  if (typeof id !== 'string') return null;
  const row = ctx.stmts.get.get(id) as RawRow | undefined;
  return row ? rowToDoc(row) : null;
}
