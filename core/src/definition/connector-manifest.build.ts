import type { JsonSchema } from '../json-schema';
import schema from './connector-manifest.schema.json';

export const CONNECTOR_MANIFEST_SCHEMA_ID = schema.$id;

/** The connector manifest schema (a fresh copy: callers may mutate it). */
export function buildConnectorManifestSchema(): JsonSchema {
  return structuredClone(schema as JsonSchema);
}
