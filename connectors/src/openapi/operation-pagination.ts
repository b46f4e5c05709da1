/**
 * Pagination of a list operation, where the document makes it evident: a `Link` response header
 * (link), an offset and a limit parameter (offset), a page parameter (page), or a cursor parameter
 * with a next-cursor field in the response (cursor; Stripe's `starting_after` + `has_more` reads
 * the last record's id). Anything less evident is left for the consultant.
 */
import type { HttpBinding } from '@tessera/core';
import { jsonataName } from './operation-input';
import type { SchemaBundler } from './schema-bundle';
import { propertiesOf } from './schema-shape';
import { isObject, type Schema } from './openapi.types';

type Pagination = NonNullable<HttpBinding['pagination']>;
type QueryParams = Map<string, { property: string; schema: Schema | boolean }>;

const OFFSET = ['offset', 'skip', 'start'];
const LIMIT = ['limit', 'per_page', 'perPage', 'page_size', 'pageSize', 'size', 'count', 'take', 'max_results', 'maxResults'];
const PAGE = ['page', 'page_number', 'pageNumber'];
const CURSOR = [
  'cursor',
  'after',
  'next_token',
  'nextToken',
  'page_token',
  'pageToken',
  'continuation_token',
  'continuationToken',
  'marker',
  'starting_after',
];
const NEXT_FIELDS = [
  'next_cursor',
  'nextCursor',
  'next_token',
  'nextToken',
  'next_page_token',
  'nextPageToken',
  'cursor',
  'endCursor',
  'end_cursor',
  'next_marker',
  'nextMarker',
  'continuation_token',
  'after',
];
const WRAPPERS = ['meta', 'pagination', 'paging', 'page_info', 'pageInfo', 'response_metadata', 'links', 'cursor'];

export function detectPagination(
  query: QueryParams,
  body: Schema | undefined,
  headers: Set<string>,
  records: string | undefined,
  bundler: SchemaBundler,
): Pagination | undefined {
  const find = (names: string[]): string | undefined => names.find((n) => query.has(n));
  const limitParam = find(LIMIT);
  const pageSize = limitParam ? sizeOf(query.get(limitParam)!.schema) : undefined;
  const sized = { ...(limitParam ? { limitParam } : {}), ...(pageSize ? { pageSize } : {}) };

  if (headers.has('link')) return { type: 'link' };
  const cursorParam = find(CURSOR);
  if (cursorParam && body) {
    const next = nextCursorField(body, bundler);
    if (next) return { type: 'cursor', cursorParam, cursor: { $expr: `$response.body.${next}` }, ...sized };
    const props = propertiesOf(body, bundler);
    if (cursorParam === 'starting_after' && props.has_more && records) {
      return {
        type: 'cursor',
        cursorParam,
        cursor: { $expr: `${records}[-1].id` },
        stop: { $expr: '$response.body.has_more = false' },
        ...sized,
      };
    }
  }
  const offsetParam = find(OFFSET);
  if (offsetParam && limitParam) return { type: 'offset', offsetParam, ...sized };
  const pageParam = find(PAGE);
  if (pageParam) {
    const start = startOf(query.get(pageParam)!.schema);
    return { type: 'page', pageParam, ...(start === 0 ? { startPage: 0 } : {}), ...sized };
  }
  return undefined;
}

/** A next-cursor property at the top of the body or one wrapper down (`meta.next_cursor`). */
function nextCursorField(body: Schema, bundler: SchemaBundler): string | undefined {
  const top = propertiesOf(body, bundler);
  const direct = NEXT_FIELDS.find((f) => f in top && f !== 'after');
  if (direct) return jsonataName(direct);
  for (const wrapper of WRAPPERS) {
    if (!(wrapper in top)) continue;
    const inner = propertiesOf(top[wrapper], bundler);
    const field = NEXT_FIELDS.find((f) => f in inner);
    if (field) return `${jsonataName(wrapper)}.${jsonataName(field)}`;
  }
  return undefined;
}

/** The largest page the API allows (fewest calls), else its default. */
function sizeOf(schema: Schema | boolean): number | undefined {
  if (!isObject(schema)) return undefined;
  for (const v of [schema.maximum, schema.default]) {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 10000) return v;
  }
  return undefined;
}

function startOf(schema: Schema | boolean): number | undefined {
  if (!isObject(schema)) return undefined;
  if (schema.minimum === 0 || schema.default === 0) return 0;
  return undefined;
}
