import type { Field } from '@tessera/core';
import type { Store, StoredDoc } from '@tessera/core/store';
import { Conflict } from '../domain-errors';
import { recordCollectionName } from './storage-plan';
import { writeAudit } from './audit/audit-log';
import type { RecordScope } from './records';

type RelationField = Extract<Field, { type: 'relation' }>;

export interface CommittedChange {
  type: 'updated' | 'deleted';
  entity: string;
  id: string;
  record: StoredDoc;
  before?: StoredDoc;
}

/**
 * Deletes a record and applies `onDelete` of every relation pointing at it (restrict -> 409,
 * setNull, cascade), with one audit entry per record touched, all in one transaction. Returns the
 * committed changes, for the change feed.
 */
export async function deleteWithRelations(store: Store, s: RecordScope, id: string, expectedVersion?: number): Promise<CommittedChange[]> {
  const { definition, entity: target } = s.target;
  const appId = s.appId;
  const incoming = definition.entities.flatMap((e) =>
    e.fields.filter((f): f is RelationField => f.type === 'relation' && f.to === target.id).map((field) => ({ entity: e, field })),
  );
  return store.transaction(async (tx) => {
    const changes: CommittedChange[] = [];
    for (const { entity, field } of incoming) {
      const refs = tx.collection(recordCollectionName(appId, entity.id));
      const filter = { [field.id]: id };
      const mode = field.onDelete ?? 'restrict';
      if (mode === 'restrict') {
        const n = await refs.count(filter);
        if (n > 0) throw new Conflict(`${target.id} "${id}" is used by ${n} ${entity.id} record(s) (${field.id}); remove those links first`);
        continue;
      }
      for (;;) {
        const page = await refs.find({ filter, limit: 500 });
        if (!page.items.length) break;
        for (const ref of page.items) {
          if (mode === 'cascade') {
            await refs.delete(ref.id);
            await writeAudit(tx, { appId, entity, recordId: ref.id, action: 'delete', caller: s.caller, before: ref, after: null });
            changes.push({ type: 'deleted', entity: entity.id, id: ref.id, record: ref });
          } else {
            const value = ref[field.id];
            const updated = await refs.update(ref.id, { [field.id]: Array.isArray(value) ? value.filter((v) => v !== id) : null });
            await writeAudit(tx, { appId, entity, recordId: ref.id, action: 'update', caller: s.caller, before: ref, after: updated });
            changes.push({ type: 'updated', entity: entity.id, id: ref.id, record: updated, before: ref });
          }
        }
      }
    }
    const coll = tx.collection(recordCollectionName(appId, target.id));
    const current = await coll.get(id);
    await coll.delete(id, { expectedVersion });
    if (current) {
      await writeAudit(tx, { appId, entity: target, recordId: id, action: 'delete', caller: s.caller, before: current, after: null });
      changes.push({ type: 'deleted', entity: target.id, id, record: current });
    }
    return changes;
  });
}
