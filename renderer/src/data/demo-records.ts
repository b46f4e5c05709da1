/**
 * Plausible records for any definition: each field type's descriptor knows how to make a sample
 * value (core/src/field-types/<type>/), relations point at generated records of the target entity.
 */
import type { AppDefinition, Entity } from '@tessera/core';
import type { RecordData } from './data-port';
import { fieldTypes, seededRandom } from '@tessera/core';

export const demoIdPrefix = (entity: string) =>
  entity
    .replace(/[^a-zA-Z]/g, '')
    .slice(0, 3)
    .toLowerCase() || 'rec';
const demoId = (entity: string, i: number) => `${demoIdPrefix(entity)}_${String(i + 1).padStart(4, '0')}`;

/** A number from an entity id, so each entity's records come from a sequence of their own. */
function hashId(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The records of each entity, generated the first time they are asked for: a canvas or preview
 * reads a few entities of an app that may have a hundred. Each entity has its own seeded sequence,
 * so its records are the same whichever entity was read first; relations only need the target's
 * count to name one of its ids.
 */
export function generateDemoRecords(definition: AppDefinition, seed: number, count: (entity: Entity) => number): Map<string, RecordData[]> {
  const entities = new Map((definition.entities ?? []).map((e) => [e.id, e]));
  const counts = new Map([...entities.values()].map((e) => [e.id, count(e)]));
  const created = new Date(Date.UTC(2025, 11, 1)).getTime();
  const generate = (entity: Entity): RecordData[] => {
    const rng = seededRandom(seed ^ hashId(entity.id));
    const pick = (target: string) => {
      const n = counts.get(target) ?? 0;
      return n ? demoId(target, Math.floor(rng() * n)) : undefined;
    };
    const records: RecordData[] = [];
    for (let index = 0; index < (counts.get(entity.id) ?? 0); index++) {
      const at = new Date(created + index * 3_600_000).toISOString();
      const record: RecordData = { id: demoId(entity.id, index), version: 1, createdAt: at, updatedAt: at, createdBy: 'demo@example.com' };
      for (const field of entity.fields) {
        const value = fieldTypes.get(field.type)?.sample(field, { rng, index, entity, pick, record });
        if (value !== undefined) record[field.id] = value;
      }
      records.push(record);
    }
    return records;
  };
  return new (class extends Map<string, RecordData[]> {
    override get(id: string): RecordData[] | undefined {
      const entity = entities.get(id);
      if (!super.has(id) && entity) super.set(id, generate(entity));
      return super.get(id);
    }
    override has(id: string): boolean {
      return super.has(id) || entities.has(id);
    }
  })();
}
