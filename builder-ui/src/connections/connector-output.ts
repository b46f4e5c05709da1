/**
 * What a component bound to a connector operation can show: the properties of the operation
 * output's record (`output.items.properties` for a list, else `output.properties`), offered
 * where an entity source offers its fields (table columns, list titles, detail fields).
 */
import type { ConnectorManifest, JsonSchema } from '@tessera/core';
import type { RefOption } from '../forms/form-context';

const asSchema = (s: unknown): JsonSchema | undefined => (s && typeof s === 'object' ? (s as JsonSchema) : undefined);

/** Follows one local `$ref` into the schema's own `$defs` (imported outputs name their record types). */
function deref(s: JsonSchema | undefined, root: JsonSchema | undefined): JsonSchema | undefined {
  const ref = s?.$ref;
  if (!ref?.startsWith('#/$defs/') || !root) return s;
  return asSchema(root.$defs?.[ref.slice('#/$defs/'.length)]) ?? s;
}

export function recordSchema(output: unknown): JsonSchema | undefined {
  const root = asSchema(output);
  const top = deref(root, root);
  if (!top) return undefined;
  const type = Array.isArray(top.type) ? top.type[0] : top.type;
  return type === 'array' || top.items ? deref(asSchema(top.items), root) : top;
}

export function recordFieldOptions(output: unknown): RefOption[] {
  const record = recordSchema(output);
  return Object.entries(record?.properties ?? {}).map(([key, s]) => {
    const type = asSchema(s)?.type;
    return { value: key, label: type ? `${key} · ${Array.isArray(type) ? type.join('|') : type}` : key };
  });
}

export const findOperation = (manifest: ConnectorManifest | null | undefined, id: string | undefined) =>
  manifest?.operations.find((o) => o.id === id);
