/** Loads the OpenAPI fixtures (fixtures/openapi/README.md) and counts what a manifest must contain. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { createAjv, validateConnectorManifest, type ConnectorManifest } from '@tessera/core';
import { importOpenApi } from '../src/openapi/openapi-import';

export function fixtureText(file: string): string {
  const bytes = readFileSync(join(__dirname, 'fixtures/openapi', file));
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Operations a connector can call: every GET/PUT/POST/DELETE/HEAD/PATCH of every path. */
export function callableOperations(text: string): number {
  const doc = parse(text) as { paths: Record<string, Record<string, unknown>> };
  const methods = ['get', 'put', 'post', 'delete', 'head', 'patch'];
  return Object.values(doc.paths).reduce((n, item) => n + methods.filter((m) => item[m]).length, 0);
}

export async function importFixture(
  file: string,
): Promise<{ manifest: ConnectorManifest; warnings: Array<{ pointer: string; message: string }> }> {
  const result = await importOpenApi(fixtureText(file));
  if (!result.ok) throw new Error(`${file} refused: ${JSON.stringify(result.errors)}`);
  return result;
}

export async function importDoc(doc: object): Promise<ConnectorManifest> {
  const result = await importOpenApi(doc);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.manifest;
}

/** What every imported manifest must satisfy. */
export function expectValidManifest(manifest: ConnectorManifest): void {
  const checked = validateConnectorManifest(manifest);
  expect(checked.ok ? [] : checked.errors).toEqual([]);
  const ids = manifest.operations.map((op) => op.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
}

export function operation(manifest: ConnectorManifest, id: string): ConnectorManifest['operations'][number] {
  const op = manifest.operations.find((o) => o.id === id);
  if (!op) throw new Error(`no operation ${id} in ${manifest.operations.map((o) => o.id).join(', ')}`);
  return op;
}

export function compile(schema: unknown): ReturnType<ReturnType<typeof createAjv>['compile']> {
  return createAjv().compile(schema as object);
}
