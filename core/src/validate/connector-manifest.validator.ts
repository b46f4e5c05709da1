/**
 * Connector manifests: the manifest schema, then what a schema cannot say — every embedded JSON
 * Schema compiles, ids are unique, groups exist, each auth and pagination style has its parts,
 * path placeholders name inputs, and every expression parses.
 */
import type { ValidateFunction } from 'ajv';
import { buildConnectorManifestSchema } from '../definition/connector-manifest.build';
import type { AuthScheme, ConnectorManifest, Operation, Pagination } from '../generated/connector-manifest';
import { ExpressionError } from '../expressions/expression.error';
import { parse } from '../expressions/expression.compile';
import { isExpression } from '../expressions/is-expression';
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
  checkEmbeddedSchemas(m, errors);
  m.auth.forEach((a, i) => checkAuth(a, `/auth/${i}`, errors));
  const groups = new Set(m.groups.map((g) => g.id));
  const ids = new Set<string>();
  m.operations.forEach((op, i) => {
    const at = `/operations/${i}`;
    if (ids.has(op.id)) errors.push({ pointer: `${at}/id`, message: `duplicate operation id "${op.id}"` });
    ids.add(op.id);
    if (op.group !== undefined && !groups.has(op.group))
      errors.push({ pointer: `${at}/group`, message: `no group "${op.group}" in "groups"` });
    if (!op.http && m.kind !== 'code') errors.push({ pointer: at, message: 'a declarative operation needs "http"' });
    if (op.http) checkHttp(op, at, errors);
  });
  return errors.length ? { ok: false, errors } : { ok: true, manifest: m };
}

function checkEmbeddedSchemas(m: ConnectorManifest, errors: ValidationIssue[]): void {
  const schemas: Array<[string, unknown]> = [
    ['/config', m.config],
    ...m.operations.flatMap((op, i): Array<[string, unknown]> => [
      [`/operations/${i}/input`, op.input],
      [`/operations/${i}/output`, op.output],
    ]),
    ...m.triggers.map((t, i): [string, unknown] => [`/triggers/${i}/output`, t.output]),
  ];
  // Checked against the meta-schema and for dangling local $refs, not compiled: a manifest may hold
  // thousands of schemas (an imported OpenAPI document), and the executor compiles each on first use.
  const ajv = (metaAjv ??= createAjv({ strict: false }));
  for (const [pointer, schema] of schemas) {
    if (schema === undefined || typeof schema === 'boolean') continue;
    if (!ajv.validateSchema(schema as object)) {
      errors.push({ pointer, message: `invalid JSON Schema: ${ajv.errorsText(ajv.errors, { dataVar: 'schema' })}` });
      continue;
    }
    const dangling = danglingRef(schema);
    if (dangling) errors.push({ pointer, message: `invalid JSON Schema: "$ref": "${dangling}" points at nothing in this schema` });
  }
}

let metaAjv: ReturnType<typeof createAjv> | undefined;

/** The first `$ref` that does not resolve inside the schema (only local refs, `#…`, may be used). */
function danglingRef(root: unknown): string | undefined {
  const resolves = (ref: string) => {
    if (!ref.startsWith('#')) return false;
    let node: unknown = root;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (typeof node !== 'object' || node === null || !(key in node)) return false;
      node = (node as Record<string, unknown>)[key];
    }
    return true;
  };
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && !resolves(ref)) return ref;
    stack.push(...Object.values(node));
  }
  return undefined;
}

const AUTH_NEEDS: Partial<Record<AuthScheme['type'], Array<keyof AuthScheme>>> = {
  apiKey: ['in', 'name'],
  oauth2: ['flow', 'tokenUrl'],
};

function checkAuth(a: AuthScheme, at: string, errors: ValidationIssue[]): void {
  for (const key of AUTH_NEEDS[a.type] ?? []) {
    if (a[key] === undefined) errors.push({ pointer: at, message: `${a.type} authentication needs "${key}"` });
  }
  if (a.type === 'oauth2' && a.flow === 'authorizationCode' && !a.authorizationUrl) {
    errors.push({ pointer: at, message: 'the authorization code flow needs "authorizationUrl"' });
  }
}

const PAGINATION_NEEDS: Record<Pagination['type'], Array<keyof Pagination>> = {
  offset: ['offsetParam'],
  page: ['pageParam'],
  cursor: ['cursorParam', 'cursor'],
  link: [],
};

function checkHttp(op: Operation, at: string, errors: ValidationIssue[]): void {
  const http = op.http!;
  const pagination = http.pagination;
  if (pagination) {
    for (const key of PAGINATION_NEEDS[pagination.type]) {
      if (pagination[key] === undefined)
        errors.push({ pointer: `${at}/http/pagination`, message: `${pagination.type} pagination needs "${key}"` });
    }
  }
  const inputs = inputProperties(op.input);
  for (const match of http.path.matchAll(/\{\+?([^{}]*)\}/g)) {
    if (inputs && !inputs.has(match[1]))
      errors.push({ pointer: `${at}/http/path`, message: `"${match[0]}" is not an input of the operation` });
  }
  forEachExpression(http, `${at}/http`, (source, pointer) => {
    const parsed = parse(source);
    if (parsed instanceof ExpressionError) errors.push({ pointer, message: `expression does not parse: ${parsed.message}` });
  });
}

/** The input's declared properties, or undefined when the schema does not list them. */
function inputProperties(schema: unknown): Set<string> | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const props = (schema as { properties?: Record<string, unknown> }).properties;
  return props ? new Set(Object.keys(props)) : undefined;
}

function forEachExpression(value: unknown, pointer: string, visit: (source: string, pointer: string) => void): void {
  if (isExpression(value)) return visit(value.$expr, pointer);
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value))
    forEachExpression(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, visit);
}
