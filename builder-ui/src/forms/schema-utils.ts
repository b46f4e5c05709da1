/**
 * JSON Schema helpers for the generated forms: $ref resolution against a standalone schema's
 * $defs, choosing a widget kind, and a starting value for new array items.
 */
import type { JsonSchema } from '@tessera/core';

export function refName(schema: JsonSchema): string | undefined {
  return schema.$ref?.startsWith('#/$defs/') ? schema.$ref.slice('#/$defs/'.length) : undefined;
}

/** Follows `$ref`s; sibling keywords (description, default) on the referring schema win. */
export function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const name = refName(current);
    if (!name) return current;
    const { $ref: _ref, ...siblings } = current;
    current = { ...(root.$defs?.[name] ?? {}), ...siblings };
  }
  return current;
}

/** $defs that have their own widget instead of being expanded structurally. */
export const NAMED_WIDGETS: Record<string, string> = {
  Label: 'label',
  Expression: 'expression',
  Markdown: 'markdown',
  Filter: 'json',
  JsonSchemaValue: 'json',
  Scalar: 'scalar',
};

export function widgetKind(schema: JsonSchema, root: JsonSchema): string {
  const named = refName(schema);
  if (named && NAMED_WIDGETS[named]) return NAMED_WIDGETS[named];
  const s = resolve(schema, root);
  if (s.const !== undefined) return 'const';
  if (s.enum) return 'enum';
  if (s.anyOf || s.oneOf) return 'anyOf';
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'integer') return 'number';
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'array' || type === 'object') return type;
  return 'json';
}

/** A value for a new item: required properties get defaults or empty values of their type. */
export function initialValue(schema: JsonSchema, root: JsonSchema): unknown {
  const s = resolve(schema, root);
  if (s.default !== undefined) return structuredClone(s.default);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf || s.oneOf) return initialValue((s.anyOf ?? s.oneOf)![0], root);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = initialValue(s.properties?.[key] ?? {}, root);
      return out;
    }
    case 'array':
      return [];
    case 'boolean':
      return false;
    case 'number':
    case 'integer':
      return s.minimum ?? 0;
    case 'string':
      return '';
    default:
      return '';
  }
}

/** `pageSize` -> "Page size", `rowLink` -> "Row link". */
export function humanize(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

/** Does the value fit this branch of an anyOf? Used to show which branch is in use. */
export function matchesBranch(value: unknown, branch: JsonSchema, root: JsonSchema): boolean {
  const named = refName(branch);
  if (named === 'Expression') return typeof value === 'object' && value !== null && '$expr' in value;
  const s = resolve(branch, root);
  if (s.enum) return s.enum.includes(value);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'integer' || type === 'number') return typeof value === 'number';
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === type;
}

/** A generated form's new value as a patch of the old one: keys the form removed become `undefined` (applyPatch deletes them). */
export function patchFrom(before: object, after: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = { ...after };
  for (const k of Object.keys(before)) if (!(k in after)) patch[k] = undefined;
  return patch;
}
