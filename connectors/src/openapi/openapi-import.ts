/**
 * OpenAPI (Swagger 2.0, OpenAPI 3.0 and 3.1; JSON or YAML) -> a connector manifest with every
 * operation typed. A broken document is refused with JSON pointers into it; nothing here throws.
 */
import semver from 'semver';
import { createAjv, validateConnectorManifest, type ConnectorManifest, type ConnectorOperation } from '@tessera/core';
import { authOf } from './manifest-auth';
import { serversOf } from './manifest-servers';
import { parseSource } from './openapi-parse';
import { checkRefs } from './openapi-refs';
import { validateOpenApi } from './openapi-validate';
import { dialectOf, operationsOf, SUPPORTED_METHODS, type OperationSource } from './openapi-document';
import { buildInput } from './operation-input';
import { IdAllocator, operationIdOf, titleOf, truncate } from './operation-naming';
import { buildOutput } from './operation-output';
import { detectPagination } from './operation-pagination';
import { SchemaBundler } from './schema-bundle';
import { uncompilable } from './schema-compile-check';
import { isObject, type ImportIssue, type ImportOptions, type ImportResult, type JsonObject } from './openapi.types';

const MAX_WARNINGS = 1000;
const MAX_OPERATIONS = 5000;

export async function importOpenApi(source: string | object, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    return await importChecked(source, options);
  } catch (err) {
    // Last line of defence (e.g. a stack overflow on a pathological document): refuse, never throw.
    return {
      ok: false,
      errors: [{ pointer: '', message: `the document could not be imported: ${(err as Error)?.message ?? String(err)}` }],
    };
  }
}

async function importChecked(source: string | object, options: ImportOptions): Promise<ImportResult> {
  let doc: unknown;
  if (typeof source === 'string') {
    const parsed = parseSource(source);
    if (!parsed.ok) return parsed;
    doc = parsed.value;
  } else {
    try {
      doc = structuredClone(source);
    } catch (err) {
      return refuse('', `not a JSON value: ${(err as Error).message}`);
    }
  }
  if (!isObject(doc)) return refuse('', 'not an OpenAPI document: expected an object');
  if (doc.swagger === undefined && doc.openapi === undefined)
    return refuse('', 'not an OpenAPI document: no "openapi" (3.x) or "swagger" (2.0) version');
  if (!isObject(doc.paths)) return refuse('/paths', doc.paths === undefined ? 'missing "paths"' : '"paths" must be an object');
  const refErrors = checkRefs(doc);
  if (refErrors.length) return { ok: false, errors: refErrors };
  const invalid = await validateOpenApi(doc);
  if (invalid.length) return { ok: false, errors: invalid };
  return build(doc, options);
}

function build(doc: JsonObject, options: ImportOptions): ImportResult {
  const warnings: ImportIssue[] = [];
  const warn = (pointer: string, message: string): void => {
    if (warnings.length < MAX_WARNINGS) warnings.push({ pointer, message });
  };
  const dialect = dialectOf(doc);
  const bundler = new SchemaBundler(doc, { refSiblings: dialect === '3.1', ...schemaChecks(), warn });
  const info = isObject(doc.info) ? doc.info : {};
  const servers = serversOf(doc, dialect, warn);
  const groups = new Map<string, { id: string; title: string; description?: string }>();
  (Array.isArray(doc.tags) ? doc.tags : []).forEach((tag, i) => {
    if (!isObject(tag) || typeof tag.name !== 'string' || !tag.name) return;
    const group = groupOf(tag.name);
    if (typeof tag.description === 'string' && tag.description)
      group.description = described(tag.description, `/tags/${i}/description`, warn);
    groups.set(group.id, group);
  });

  const ids = new IdAllocator();
  const operations: ConnectorOperation[] = [];
  for (const source of operationsOf(doc)) {
    if (!SUPPORTED_METHODS.has(source.method)) {
      warn(source.pointer, `${source.method.toUpperCase()} operations cannot be called by a connector; left out`);
      continue;
    }
    const op = operationOf(source, ids, bundler, warn);
    if (source.ownServer)
      warn(source.pointer, `declares its own server "${source.ownServer}"; the connector calls it on the connection's base URL`);
    const tag = Array.isArray(source.op.tags) ? source.op.tags.find((t) => typeof t === 'string' && t) : undefined;
    if (typeof tag === 'string') {
      const group = groupOf(tag);
      if (!groups.has(group.id)) groups.set(group.id, group);
      op.group = group.id;
    }
    operations.push(op);
  }
  if (!operations.length) return refuse('/paths', 'the document has no operations a connector can call');
  if (operations.length > MAX_OPERATIONS) return refuse('/paths', `more than ${MAX_OPERATIONS} operations`);

  const manifest: ConnectorManifest = {
    name: options.name ?? nameOf(info.title),
    version: versionOf(options.version ?? info.version, warn),
    title: truncate(typeof info.title === 'string' && info.title.trim() ? info.title.trim() : 'Imported API', 200),
    kind: 'declarative',
    auth: authOf(doc, dialect, servers.baseUrl, warn),
    config: servers.config,
    groups: [...groups.values()],
    operations,
    triggers: [],
  };
  if (typeof info.description === 'string' && info.description)
    manifest.description = described(info.description, '/info/description', warn);
  if (servers.baseUrl) manifest.baseUrl = servers.baseUrl;
  return finish(manifest, warnings);
}

function operationOf(
  source: OperationSource,
  ids: IdAllocator,
  bundler: SchemaBundler,
  warn: (p: string, m: string) => void,
): ConnectorOperation {
  const { op, method, path } = source;
  const input = buildInput(source, bundler, warn);
  const output = buildOutput(source, bundler);
  const http: NonNullable<ConnectorOperation['http']> = { method: method.toUpperCase() as 'GET', ...input.http };
  if (output.kind === 'list') {
    http.records = output.records;
    const pagination = detectPagination(input.queryParams, output.body, output.headers, output.records?.$expr, bundler);
    if (pagination) http.pagination = pagination;
  }
  const result: ConnectorOperation = {
    id: ids.allocate(operationIdOf(op.operationId, method, path)),
    title: titleOf(op.summary, op.operationId, method, path),
    kind: output.kind,
    input: input.input,
    output: output.output,
    http,
  };
  if (typeof op.description === 'string' && op.description.trim())
    result.description = described(op.description.trim(), `${source.pointer}/description`, warn);
  if (op.deprecated === true) result.deprecated = true;
  return result;
}

/**
 * Every schema must compile with the project's ajv: one that still does not (a document quirk the
 * conversion does not know) is replaced by an open one with a warning, rather than losing the
 * whole import for one operation. Then the manifest validator checks everything else, on a copy
 * whose schemas are stand-ins with the same input properties (compiling each schema again there
 * would take most of a large import's time; uncompilable() did that work once).
 */
function finish(manifest: ConnectorManifest, warnings: ImportIssue[]): ImportResult {
  for (const problem of uncompilable(manifest.operations)) {
    const op = manifest.operations[problem.index];
    warnings.push({
      pointer: `(manifest)/operations/${problem.index}/${problem.part}`,
      message: `${op.id}: ${problem.part} schema replaced by an open one (${problem.message})`,
    });
    op[problem.part] = problem.part === 'input' ? { type: 'object' } : {};
  }
  const standIns = {
    ...manifest,
    operations: manifest.operations.map((op) => ({ ...op, input: inputStandIn(op.input), output: true })),
  };
  const result = validateConnectorManifest(standIns);
  if (!result.ok) return { ok: false, errors: result.errors.map((e) => ({ ...e, pointer: `(manifest)${e.pointer}` })) };
  return { ok: true, manifest, warnings };
}

/** The input's property names are what the validator checks path placeholders against. */
function inputStandIn(input: unknown): object | boolean {
  if (!isObject(input) || !isObject(input.properties)) return true;
  return { type: 'object', properties: Object.fromEntries(Object.keys(input.properties).map((k) => [k, true])) };
}

/** Known formats and RE2-compatible patterns, as the project's ajv sees them. */
function schemaChecks(): { formats: ReadonlySet<string>; patternError: (p: string) => string | undefined } {
  const ajv = createAjv();
  const results = new Map<string, string | undefined>();
  return {
    formats: new Set(Object.keys(ajv.formats)),
    patternError(pattern) {
      if (!results.has(pattern)) {
        try {
          ajv.compile({ type: 'string', pattern });
          results.set(pattern, undefined);
        } catch (err) {
          results.set(pattern, (err as Error).message);
        }
      }
      return results.get(pattern);
    },
  };
}

function groupOf(tag: string): { id: string; title: string; description?: string } {
  const id = truncate(tag, 200);
  return { id, title: id };
}

function described(text: string, pointer: string, warn: (p: string, m: string) => void): string {
  if (text.length <= 5000) return text;
  warn(pointer, `description longer than 5000 characters; truncated`);
  return truncate(text, 5000);
}

function nameOf(title: unknown): string {
  const slug = String(title ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug || 'imported-api';
}

function versionOf(version: unknown, warn: (p: string, m: string) => void): string {
  const text = typeof version === 'string' ? version : typeof version === 'number' ? String(version) : '';
  if (semver.valid(text) && text.length <= 64) return text;
  const coerced = semver.coerce(text)?.version ?? '0.1.0';
  if (text) warn('/info/version', `version "${text}" is not semver; the manifest version is ${coerced}`);
  return coerced;
}

function refuse(pointer: string, message: string): ImportResult {
  return { ok: false, errors: [{ pointer, message }] };
}
