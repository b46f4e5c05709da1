/**
 * A plausible record of an entity for evaluating expressions in the builder: each field gets its
 * type's sample value (the descriptor's `sample`, the same the demo data uses), from a fixed
 * seed so the preview does not change while editing. Record ids a sample picks (relations) are
 * expanded one level (the target's sample) so `company.name` shows something meaningful.
 */
import { fieldTypes, seededRandom, type Entity, type Field } from '@tessera/core';
import type { Draft, DraftEntity } from '../store/draft.types';

export function sampleRecord(def: Draft | null, entityId: string | undefined, depth = 1): Record<string, unknown> {
  const entity: DraftEntity | undefined = def?.entities?.find((e) => e.id === entityId);
  if (!entity) return {};
  const record: Record<string, unknown> = {
    id: `${entity.id}_1`,
    version: 1,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    createdBy: 'user_1',
  };
  const rng = seededRandom(1);
  const picked = new Map<string, string>();
  const pick = (target: string) => {
    const id = `${target}_1`;
    picked.set(id, target);
    return id;
  };
  const expand = (v: unknown): unknown => {
    if (typeof v === 'string' && picked.has(v)) return depth > 0 ? sampleRecord(def, picked.get(v), depth - 1) : v;
    return Array.isArray(v) ? v.map(expand) : v;
  };
  entity.fields.forEach((f, index) => {
    const descriptor = fieldTypes.get(f.type);
    if (!descriptor?.stored) return; // computed and rollups are evaluated on read
    let value: unknown;
    try {
      // A draft may be half-configured (an enum without options yet): no sample then.
      value = descriptor.sample(f as unknown as Field, { rng, index, entity: entity as unknown as Entity, pick, record });
    } catch {
      value = undefined;
    }
    record[f.id] = value === undefined ? null : expand(value);
  });
  return record;
}
