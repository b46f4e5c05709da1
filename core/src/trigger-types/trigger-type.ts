/**
 * What a workflow trigger type folder exports: the JSON Schema of its `config` and its palette
 * entry. Execution lives in the runtime's workflow engine, keyed by the same `type`.
 */
import type { JsonSchema } from '../json-schema';
import type { RefSpec } from '../ref-spec';

export interface TriggerTypeDescriptor {
  type: string;
  /** Position in the palette and in lists of this kind (lower first; unset: last, by type). */
  order?: number;
  title: string;
  description: string;
  icon: string;
  group: 'records' | 'behaviour' | 'time' | 'external';
  /** JSON Schema of `config`. */
  schema: JsonSchema;
  /** The trigger dropped in the workflow editor: `{ type, config }`. */
  scaffold: Record<string, unknown>;
  refs: RefSpec[];
}

export const defineTriggerType = (d: TriggerTypeDescriptor): TriggerTypeDescriptor => d;
