/**
 * An operation's output from its first successful JSON response, and whether it is a list: a GET
 * whose body is an array, or an object with exactly one array property (`data`, `items`,
 * `results`...), gets `records` selecting that array and the records as its output.
 */
import type { ConnectorOperation } from '@tessera/core';
import { isJsonMedia, type OperationSource, type Response } from './openapi-document';
import { jsonataName } from './operation-input';
import type { SchemaBundler } from './schema-bundle';
import { isArraySchema, propertiesOf, resolveSchema } from './schema-shape';
import type { Schema } from './openapi.types';

export interface OutputPart {
  output: Schema | boolean;
  kind: NonNullable<ConnectorOperation['kind']>;
  records?: { $expr: string };
  /** The response body's schema, resolved one level (for pagination detection). */
  body?: Schema;
  /** Header names of the successful responses (lower case). */
  headers: Set<string>;
}

export function buildOutput(source: OperationSource, bundler: SchemaBundler): OutputPart {
  const success = successResponses(source.responses);
  const headers = new Set(success.flatMap((r) => r.headers.map((h) => h.toLowerCase())));
  const media = success.flatMap((r) => r.media).find((m) => isJsonMedia(m.type) && m.schema !== undefined);
  const kind = kindOf(source);
  if (!media) {
    const other = success.flatMap((r) => r.media)[0];
    const description = other ? `A ${other.type} response (not JSON).` : 'No response body is described.';
    return { output: { description }, kind, headers };
  }
  const { schema, refs } = bundler.convert(media.schema, media.pointer, { noDefaults: true });
  const body = resolveSchema(schema, bundler);
  if (source.method === 'get' && body) {
    if (isArraySchema(body)) {
      return { output: bundler.withDefs({ ...body }, refs), kind: 'list', records: { $expr: '$response.body' }, body, headers };
    }
    const properties = propertiesOf(body, bundler);
    const arrays = Object.entries(properties).filter(([, v]) => {
      const resolved = resolveSchema(v, bundler);
      return resolved !== undefined && isArraySchema(resolved);
    });
    if (arrays.length === 1 && isListWrapper(arrays[0][0], Object.keys(properties))) {
      const [name, items] = arrays[0];
      return {
        output: bundler.withDefs({ ...resolveSchema(items, bundler)! }, refs),
        kind: 'list',
        records: { $expr: `$response.body.${jsonataName(name)}` },
        body,
        headers,
      };
    }
  }
  return { output: typeof schema === 'boolean' ? schema : bundler.withDefs(schema, refs), kind, body, headers };
}

/** Names APIs give the records of a page. */
const RECORD_PROPERTIES = new Set([
  'data',
  'items',
  'results',
  'records',
  'entries',
  'values',
  'list',
  'rows',
  'elements',
  'content',
  'hits',
  'nodes',
  'objects',
  'resources',
]);
/** What else a page wrapper carries. */
const PAGE_METADATA =
  /^(?:total|count|size|page|limit|offset|next|prev|previous|cursor|meta|links?|paging|pagination|has_?more|more|url|object|incomplete_results|_links|_meta|start|end)/i;

/** `{ data: [...] }`, or one array beside only paging metadata (`{ total_count, tasks: [...] }`); not `{ name, children: [...] }`. */
function isListWrapper(arrayName: string, names: string[]): boolean {
  if (RECORD_PROPERTIES.has(arrayName.toLowerCase())) return true;
  return names.every((n) => n === arrayName || PAGE_METADATA.test(n));
}

/** 2xx in the document's order, numbered codes before ranges (`2XX`). */
function successResponses(responses: Response[]): Response[] {
  const exact = responses.filter((r) => /^2\d\d$/.test(r.status)).sort((a, b) => a.status.localeCompare(b.status));
  return [...exact, ...responses.filter((r) => /^2xx$/i.test(r.status))];
}

function kindOf(source: OperationSource): OutputPart['kind'] {
  switch (source.method) {
    case 'get':
    case 'head':
      return 'get';
    case 'post':
      // POST to a collection creates; POST to `/things/{id}/verb` is an action.
      return /\}$/.test(source.path) || /\/[a-z-]*(?:search|query|batch|bulk)[a-z-]*$/i.test(source.path) ? 'action' : 'create';
    case 'put':
    case 'patch':
      return 'update';
    case 'delete':
      return 'delete';
    default:
      return 'action';
  }
}
