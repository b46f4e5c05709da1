/**
 * The `renames` a client sends (the rename log saved with a draft, a rollback's inverse renames),
 * checked against their JSON Schema: field renames `{ entity, from, to }` (entity = its id in the
 * new definition) and entity renames `{ from, to }`. Only the shape is checked here;
 * renames.check.ts checks them against the versions.
 */
import { createAjv, formatAjvErrors } from '@tessera/core';
import { IDENTIFIER } from '@tessera/core/renames';
import type { EntityRenameEntry, FieldRenameEntry, RenameEntry } from '@tessera/core/wire';
import type { ValidateFunction } from 'ajv';
import { Invalid } from '../../domain-errors';

export type FieldRename = FieldRenameEntry;
export type EntityRename = EntityRenameEntry;
export type Rename = RenameEntry;

/** More renames than this in one publish is not an edit session, it is a mistake (and a long migration). */
export const MAX_RENAMES = 200;

const identifier = { type: 'string', pattern: IDENTIFIER.source };

export const renamesSchema = {
  $id: 'tessera:publish-renames',
  type: 'array',
  maxItems: MAX_RENAMES,
  items: {
    anyOf: [
      {
        title: 'field rename',
        type: 'object',
        required: ['entity', 'from', 'to'],
        additionalProperties: false,
        properties: { entity: identifier, from: identifier, to: identifier },
      },
      {
        title: 'entity rename',
        type: 'object',
        required: ['from', 'to'],
        additionalProperties: false,
        properties: { from: identifier, to: identifier },
      },
    ],
  },
} as const;

let compiled: ValidateFunction | undefined;

export { isFieldEntry as isFieldRename } from '@tessera/core/renames';

/** `undefined` is no renames; anything else must match the schema (400 with pointers under /renames). */
export function parseRenames(input: unknown): Rename[] {
  if (input === undefined) return [];
  return parseRenameList(input);
}

function parseRenameList(input: unknown): Rename[] {
  compiled ??= createAjv().compile(renamesSchema);
  if (compiled(input)) return input as Rename[];
  const errors = formatAjvErrors(compiled.errors, {}).map((e) => ({ ...e, pointer: `/renames${e.pointer}` }));
  throw new Invalid(
    `"renames" must be a list of at most ${MAX_RENAMES} field renames { entity, from, to } or entity renames { from, to }`,
    errors,
  );
}

/**
 * The body of `PUT /api/apps/:appId`: the definition itself, or `{ definition, renames }` to save
 * the rename log with it. A definition always has a string `id` (and may not have a `definition`
 * key: the schema allows no unknown keys), so the two cannot be mistaken for each other.
 */
export function parseDraftSave(body: unknown): { definition: unknown; renames?: Rename[] } {
  const b = body as Record<string, unknown> | null;
  if (!b || typeof b !== 'object' || Array.isArray(b) || typeof b.id === 'string' || !('definition' in b)) return { definition: body };
  const extra = Object.keys(b).filter((k) => k !== 'definition' && k !== 'renames');
  if (extra.length)
    throw new Invalid(
      `a draft save is { definition, renames? }; unknown key "${extra[0]}"`,
      extra.map((k) => ({ pointer: `/${k}`, message: 'is not allowed' })),
    );
  return { definition: b.definition, ...(b.renames !== undefined ? { renames: parseRenameList(b.renames) } : {}) };
}
