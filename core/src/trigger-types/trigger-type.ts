/**
 * What a workflow trigger type folder exports: the JSON Schema of its `config` and its palette
 * entry. Execution lives in the runtime's workflow engine, keyed by the same `type`.
 */
import type { JsonSchema } from '../json-schema';
import type { RefSpec } from '../ref-spec';
import { englishTexts, type TypeTexts } from '../registry/type-texts';

export interface TriggerTypeDescriptor {
  type: string;
  /** Position in the palette and in lists of this kind (lower first; unset: last, by type). */
  order?: number;
  /** English title and description, from `texts`. */
  title: string;
  description: string;
  /** `<type>.texts.json`: title, description and renderer texts per locale. */
  texts: TypeTexts;
  icon: string;
  group: 'records' | 'behaviour' | 'time' | 'external';
  /** JSON Schema of `config`. */
  schema: JsonSchema;
  /** The trigger dropped in the workflow editor: `{ type, config }`. */
  scaffold: Record<string, unknown>;
  refs: RefSpec[];
}

export const defineTriggerType = (d: Omit<TriggerTypeDescriptor, 'title' | 'description'>): TriggerTypeDescriptor => ({
  ...d,
  ...englishTexts(d.texts),
});
