/** Connector manifests: the manifest schema, then every embedded JSON Schema must compile. */
import type { ValidateFunction } from 'ajv';
import { buildConnectorManifestSchema } from '../definition/connector-manifest.build';
import type { ConnectorManifest } from '../generated/connector-manifest';
import { createAjv } from './ajv.factory';
import { formatAjvErrors } from './ajv-errors.format';
import type { ValidationIssue } from './validation-issue';

let compiled: ValidateFunction | undefined;

export type ManifestResult = { ok: true; manifest: ConnectorManifest } | { ok: false; errors: ValidationIssue[] };

export function validateConnectorManifest(input: unknown): ManifestResult {
  const manifest = structuredClone(input);
  compiled ??= createAjv().compile(buildConnectorManifestSchema());
  if (!compiled(manifest)) return { ok: false, errors: formatAjvErrors(compiled.errors) };
  const m = manifest as ConnectorManifest;
  const errors: ValidationIssue[] = [];
  const schemas: Array<[string, unknown]> = [
    ['/config', m.config],
    ...m.operations.flatMap((op, i): Array<[string, unknown]> => [
      [`/operations/${i}/input`, op.input],
      [`/operations/${i}/output`, op.output],
    ]),
    ...m.triggers.map((t, i): [string, unknown] => [`/triggers/${i}/output`, t.output]),
  ];
  for (const [pointer, schema] of schemas) {
    if (schema === undefined || typeof schema === 'boolean') continue;
    try {
      createAjv().compile(schema as object);
    } catch (err) {
      errors.push({ pointer, message: `invalid JSON Schema: ${(err as Error).message}` });
    }
  }
  const ids = new Set<string>();
  m.operations.forEach((op, i) => {
    if (ids.has(op.id)) errors.push({ pointer: `/operations/${i}/id`, message: `duplicate operation id "${op.id}"` });
    ids.add(op.id);
  });
  return errors.length ? { ok: false, errors } : { ok: true, manifest: m };
}
