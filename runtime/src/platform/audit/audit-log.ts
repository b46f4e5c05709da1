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

/** Newest first; the changes of fields the caller may not read are left out. */
export async function listAudit(
  store: Store,
  q: { appId: string; entity: string; recordId: string; limit?: number; cursor?: string; hidden: ReadonlySet<string> },
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  try {
    const page = await store.collection(AUDIT).find({
      filter: { appId: q.appId, entity: q.entity, recordId: q.recordId },
      sort: [{ field: 'at', dir: 'desc' }],
      limit: q.limit ?? 50,
      cursor: q.cursor,
    });
    const items = page.items.map((d) => ({
      id: d.id,
      at: d.at as string,
      action: d.action as AuditAction,
      user: (d.user as AuditEntry['user']) ?? null,
      changes: ((d.changes as FieldChange[]) ?? []).filter((c) => !q.hidden.has(c.field)),
    }));
    return { items, nextCursor: page.nextCursor };
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
