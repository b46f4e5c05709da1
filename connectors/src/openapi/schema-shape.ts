/**
 * What a converted schema looks like at its top, through `$ref`s and `allOf` (the common
 * "wrapper plus data" composition): used to recognise lists and pagination fields.
 */
import type { SchemaBundler } from './schema-bundle';
import { isObject, type Schema } from './openapi.types';

const MAX_HOPS = 10;

/** The schema itself, or the def behind its `$ref` (a bounded number of hops). */
export function resolveSchema(schema: unknown, bundler: SchemaBundler): Schema | undefined {
  let value = schema;
  for (let hops = 0; hops < MAX_HOPS && isObject(value) && typeof value.$ref === 'string'; hops++) value = bundler.defNamed(value.$ref);
  return isObject(value) && typeof value.$ref !== 'string' ? (value as Schema) : undefined;
}

/** Top-level properties, merged over `allOf` branches (later branches win, as they refine). */
export function propertiesOf(schema: unknown, bundler: SchemaBundler, depth = 0): Record<string, unknown> {
  const resolved = resolveSchema(schema, bundler);
  if (!resolved || depth > MAX_HOPS) return {};
  const merged: Record<string, unknown> = {};
  if (Array.isArray(resolved.allOf)) for (const branch of resolved.allOf) Object.assign(merged, propertiesOf(branch, bundler, depth + 1));
  if (isObject(resolved.properties)) Object.assign(merged, resolved.properties);
  return merged;
}

export function isArraySchema(schema: Schema): boolean {
  const type = schema.type;
  return type === 'array' || (Array.isArray(type) && type.includes('array') && type.every((t) => t === 'array' || t === 'null'));
}
