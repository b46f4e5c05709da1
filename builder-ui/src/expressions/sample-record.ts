/**
 * A plausible record of an entity for evaluating expressions in the builder, derived from the
 * field types. Relations are expanded one level (the target's sample) so `company.name` shows
 * something meaningful while editing.
 */
import type { Draft, DraftEntity, DraftField } from '../store/draft.types';
import { labelText } from '../store/draft.types';

const SAMPLES: Record<string, (f: DraftField) => unknown> = {
  text: (f) => `${labelText(f.label, 'en', f.id)} sample`,
  longtext: () => 'Some longer notes about this record.',
  number: () => 42,
  money: () => 1250.5,
  boolean: () => true,
  date: () => new Date().toISOString().slice(0, 10),
  datetime: () => new Date().toISOString(),
  email: () => 'ada@example.com',
  phone: () => '+1 555 0100',
  url: () => 'https://example.com',
  enum: (f) => (f.options as Array<{ value: string }> | undefined)?.[0]?.value ?? null,
  multienum: (f) => ((f.options as Array<{ value: string }> | undefined) ?? []).slice(0, 2).map((o) => o.value),
  json: () => ({}),
  rollup: () => 3,
};

export function sampleRecord(def: Draft | null, entityId: string | undefined, depth = 1): Record<string, unknown> {
  const entity: DraftEntity | undefined = def?.entities?.find((e) => e.id === entityId);
  if (!entity) return {};
  const record: Record<string, unknown> = { id: `${entity.id}_1`, version: 1, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), createdBy: 'user_1' };
  for (const f of entity.fields) {
    if (f.type === 'relation') record[f.id] = depth > 0 ? sampleRecord(def, f.to as string, depth - 1) : `${String(f.to)}_1`;
    else if (f.type !== 'computed') record[f.id] = SAMPLES[f.type]?.(f) ?? null;
  }
  return record;
}
