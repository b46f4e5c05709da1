/**
 * Plausible records for any definition: each field type's renderer knows how to make a sample
 * value (fields/<type>/), relations point at generated records of the target entity.
 */
import type { AppDefinition, Entity } from '@tessera/schemas';
import { getFieldRenderer } from '../fields/fields.index';
import type { RecordData } from './data-port';
import { seededRandom } from './seeded-random';

export const demoIdPrefix = (entity: string) => entity.replace(/[^a-zA-Z]/g, '').slice(0, 3).toLowerCase() || 'rec';
const demoId = (entity: string, i: number) => `${demoIdPrefix(entity)}_${String(i + 1).padStart(4, '0')}`;

export function generateDemoRecords(definition: AppDefinition, seed: number, count: (entity: Entity) => number): Map<string, RecordData[]> {
  const rng = seededRandom(seed);
  const entities = definition.entities ?? [];
  const counts = new Map(entities.map((e) => [e.id, count(e)]));
  const pick = (entity: string) => {
    const n = counts.get(entity) ?? 0;
    return n ? demoId(entity, Math.floor(rng() * n)) : undefined;
  };
  const out = new Map<string, RecordData[]>();
  const created = new Date(Date.UTC(2025, 11, 1)).getTime();
  for (const entity of entities) {
    const records: RecordData[] = [];
    for (let index = 0; index < (counts.get(entity.id) ?? 0); index++) {
      const at = new Date(created + index * 3_600_000).toISOString();
      const record: RecordData = { id: demoId(entity.id, index), version: 1, createdAt: at, updatedAt: at, createdBy: 'demo@example.com' };
      for (const field of entity.fields) {
        const value = getFieldRenderer(field.type).sample(field, { rng, index, entity, pick, record });
        if (value !== undefined) record[field.id] = value;
      }
      records.push(record);
    }
    out.set(entity.id, records);
  }
  return out;
}
