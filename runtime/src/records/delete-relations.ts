import type { Field } from '@tessera/core';
import { Conflict, NotFound } from '../domain-errors';
import { recordCollectionName } from '../platform/storage-plan';
import type { RecordWrites } from './commit';
import type { RecordScope } from './scope';

type RelationField = Extract<Field, { type: 'relation' }>;

/**
 * Deletes a record and applies `onDelete` of every relation pointing at it (restrict: Conflict,
 * setNull, cascade), inside the caller's commit: every record touched is one change, with its
 * audit entry and change log entry, in the same transaction as the delete.
 */
export async function deleteWithRelations(w: RecordWrites, s: RecordScope, id: string, expectedVersion?: number): Promise<void> {
  const { definition, entity: target } = s.target;
  const incoming = definition.entities.flatMap((e) =>
    e.fields.filter((f): f is RelationField => f.type === 'relation' && f.to === target.id).map((field) => ({ entity: e, field })),
  );
  for (const { entity, field } of incoming) {
    const refs = w.tx.collection(recordCollectionName(s.appId, entity.id));
    const filter = { [field.id]: id };
    const mode = field.onDelete ?? 'restrict';
    if (mode === 'restrict') {
      const n = await refs.count(filter);
      if (n > 0) throw new Conflict(`${target.id} "${id}" is used by ${n} ${entity.id} record(s) (${field.id}); remove those links first`);
      continue;
    }
    // Each pass changes the records it found, so they stop matching; the loop ends when none is left.
    for (;;) {
      const page = await refs.find({ filter, limit: 500 });
      if (!page.items.length) break;
      for (const ref of page.items) {
        if (mode === 'cascade') {
          await w.delete(entity, ref);
        } else {
          const value = ref[field.id];
          await w.update(entity, ref, { [field.id]: Array.isArray(value) ? value.filter((v) => v !== id) : null });
        }
      }
    }
  }
  const current = await w.tx.collection(recordCollectionName(s.appId, target.id)).get(id);
  if (!current) throw new NotFound(`${target.id} "${id}" does not exist`);
  await w.delete(target, current, { expectedVersion });
}
