import type { Entity } from '@tessera/core';
import type { Doc, Store } from '@tessera/core/store';
import { InvalidQueryError } from '@tessera/core/store';
import { Invalid } from '../../domain-errors';
import { AUDIT } from '../platform-collections';
import type { Caller } from '../policy/policy.types';
import { diffFields, type FieldChange } from './audit-diff';

export type AuditAction = 'create' | 'update' | 'delete';

export interface AuditEntry {
  id: string;
  at: string;
  action: AuditAction;
  user: { id: string; email: string; name: string } | null;
  changes: FieldChange[];
}

/**
 * Writes one audit entry through `tx`, so it commits or rolls back with the change it describes.
 * An update that changed nothing leaves no entry.
 */
export async function writeAudit(
  tx: Store,
  e: { appId: string; entity: Entity; recordId: string; action: AuditAction; caller: Caller | null; before: Doc | null; after: Doc | null },
): Promise<void> {
  const changes = diffFields(e.entity, e.before, e.after);
  if (e.action === 'update' && changes.length === 0) return;
  await tx.collection(AUDIT).insert({
    appId: e.appId,
    entity: e.entity.id,
    recordId: e.recordId,
    action: e.action,
    at: new Date().toISOString(),
    user: e.caller ? e.caller.user : null,
    changes,
  });
}

/**
 * Newest first; the changes of fields the caller may not read are left out, and so is an update
 * that changed only such fields (it would say "someone changed something you cannot see"). Pages
 * are read until `limit` entries are found (or 20 pages were read), so hidden updates do not
 * leave a page empty.
 */
export async function listAudit(
  store: Store,
  q: { appId: string; entity: string; recordId: string; limit?: number; cursor?: string; hidden: ReadonlySet<string> },
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const limit = q.limit ?? 50;
  const items: AuditEntry[] = [];
  let cursor = q.cursor;
  try {
    for (let pages = 0; pages < 20 && items.length < limit; pages++) {
      const page = await store.collection(AUDIT).find({
        filter: { appId: q.appId, entity: q.entity, recordId: q.recordId },
        sort: [{ field: 'at', dir: 'desc' }],
        limit: limit - items.length,
        cursor,
      });
      for (const d of page.items) {
        const all = (d.changes as FieldChange[]) ?? [];
        const changes = all.filter((c) => !q.hidden.has(c.field));
        if (d.action === 'update' && all.length > 0 && changes.length === 0) continue;
        items.push({
          id: d.id,
          at: d.at as string,
          action: d.action as AuditAction,
          user: (d.user as AuditEntry['user']) ?? null,
          changes,
        });
      }
      cursor = page.nextCursor ?? undefined;
      if (!cursor) break;
    }
    return { items, nextCursor: cursor ?? null };
  } catch (err) {
    if (err instanceof InvalidQueryError) throw new Invalid(err.message, [{ pointer: '/cursor', message: err.message }]);
    throw err;
  }
}

/** When an app is deleted its audit trail goes too (its records are gone). */
export async function dropAudit(store: Store, appId: string): Promise<void> {
  const coll = store.collection(AUDIT);
  for (;;) {
    const page = await coll.find({ filter: { appId }, limit: 1000 });
    if (!page.items.length) break;
    await store.transaction(async (tx) => {
      for (const d of page.items) await tx.collection(AUDIT).delete(d.id);
    });
  }
}
