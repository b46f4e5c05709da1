/**
 * A JSON Schema (draft 2020-12) as plain data. Only the keywords this package reads are typed;
 * everything else passes through untouched.
 */
export interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  [keyword: string]: unknown;
}

/** The kind of value a field holds as far as storage cares; mirrors `FieldKind` in runtime's store port. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'date' | 'json' | 'array';

/** `record.created` -> `RecordCreated`, `forEach` -> `ForEach`: names of generated $defs and TS types. */
export function pascalCase(type: string): string {
  return type
    .split(/[.\-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** `#/$defs/Name` */
export const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });
