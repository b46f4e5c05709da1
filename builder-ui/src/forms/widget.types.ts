import type { JsonSchema } from '@tessera/core';

/** Every widget gets the (unresolved) schema of its value, the root for $refs, and its path. */
export interface WidgetProps {
  schema: JsonSchema;
  root: JsonSchema;
  value: unknown;
  /** `path` says which input changed (undo coalesces keystrokes per input). */
  onChange(value: unknown, path?: string[]): void;
  path: string[];
  /** Label for accessibility (the property name). */
  label?: string;
}
