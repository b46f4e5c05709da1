/**
 * The `renames` of a publish request, checked against their JSON Schema: field renames
 * `{ entity, from, to }` (entity = its id in the definition being published) and entity renames
 * `{ from, to }`. Only the shape is checked here; renames.check.ts checks them against the versions.
 */
import { createAjv, formatAjvErrors } from '@tessera/core';
import type { ValidateFunction } from 'ajv';
import { Invalid } from '../../domain-errors';

export interface FieldRename {
  entity: string;
  from: string;
  to: string;
}

export interface EntityRename {
  from: string;
  to: string;
}

export type Rename = FieldRename | EntityRename;

/** More renames than this in one publish is not an edit session, it is a mistake (and a long migration). */
export const MAX_RENAMES = 200;

const identifier = { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,63}$' };

export const renamesSchema = {
  $id: 'tessera:publish-renames',
  type: 'array',
  maxItems: MAX_RENAMES,
  items: {
    anyOf: [
      { title: 'field rename', type: 'object', required: ['entity', 'from', 'to'], additionalProperties: false, properties: { entity: identifier, from: identifier, to: identifier } },
      { title: 'entity rename', type: 'object', required: ['from', 'to'], additionalProperties: false, properties: { from: identifier, to: identifier } },
    ],
  },
} as const;

let compiled: ValidateFunction | undefined;

export const isFieldRename = (r: Rename): r is FieldRename => 'entity' in r;

/** `undefined` is no renames; anything else must match the schema (400 with pointers under /renames). */
export function parseRenames(input: unknown): Rename[] {
  if (input === undefined) return [];
  compiled ??= createAjv().compile(renamesSchema);
  if (compiled(input)) return input as Rename[];
  const errors = formatAjvErrors(compiled.errors, {}).map((e) => ({ ...e, pointer: `/renames${e.pointer}` }));
  throw new Invalid(`"renames" must be a list of at most ${MAX_RENAMES} field renames { entity, from, to } or entity renames { from, to }`, errors);
}
