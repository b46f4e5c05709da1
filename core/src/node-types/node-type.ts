/**
 * What a workflow node type folder exports: the JSON Schema of its `config`, its palette entry,
 * its refs and its output handles. Execution lives in the runtime's workflow engine, keyed by
 * the same `type` (as NocoBase registers one instruction under one key on server and client).
 */
import type { JsonSchema } from '../json-schema';
import type { RefSpec } from '../ref-spec';
import { englishTexts, type TypeTexts } from '../registry/type-texts';

export interface NodeTypeDescriptor {
  type: string;
  /** Position in the palette and in lists of this kind (lower first; unset: last, by type). */
  order?: number;
  /** English title and description, from `texts`. */
  title: string;
  description: string;
  /** `<type>.texts.json`: title, description and renderer texts per locale. */
  texts: TypeTexts;
  icon: string;
  group: 'data' | 'logic' | 'time' | 'people' | 'integration';
  /** JSON Schema of `config`. */
  schema: JsonSchema;
  /** The node dropped in the workflow editor: `{ type, config }` (the editor adds id and position). */
  scaffold: Record<string, unknown>;
  refs: RefSpec[];
  /**
   * Named output handles an edge may leave from (`sourceHandle`). Empty: one unnamed output,
   * and edges carry no sourceHandle.
   */
  outputs(config: Record<string, unknown>): string[];
}

const none = (): string[] => [];

export const defineNodeType = (
  d: Omit<NodeTypeDescriptor, 'outputs' | 'title' | 'description'> & Partial<Pick<NodeTypeDescriptor, 'outputs'>>,
): NodeTypeDescriptor => ({ outputs: none, ...d, ...englishTexts(d.texts) });
