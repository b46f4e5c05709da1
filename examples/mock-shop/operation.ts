/**
 * One endpoint of the shop as data: what the router needs to match, check and answer it, and what
 * the OpenAPI document says about it. Both read the same object, so the document describes exactly
 * the parameters, bodies and answers the server has.
 */
import type { JsonSchema } from '@tessera/core';
import { DEFAULT_LIMIT, MAX_LIMIT, paginate } from './pagination';
import { pageSchema, ref } from './shop-schemas';
import { ShopError } from './shop-error';

export interface QueryParam {
  name: string;
  description: string;
  schema: JsonSchema;
}

export interface OperationInput {
  /** Values of the `{name}` parts of the path. */
  path: Record<string, string>;
  /** Declared query parameters, checked against their schemas (integers already numbers). */
  query: Record<string, unknown>;
  /** The JSON body, checked against the request body schema (defaults filled in). */
  body: unknown;
}

export interface Operation {
  method: 'GET' | 'POST';
  /** An OpenAPI path template: `/orders/{id}`. Path parameters are ids (strings). */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  query?: QueryParam[];
  /** Name of the request body's schema in shop-schemas.ts. */
  body?: string;
  response: { status: 200 | 201; description: string; schema: JsonSchema };
  /** Error answers besides 401 (which every non-public operation can give). */
  errors: Array<400 | 404 | 413 | 415 | 507>;
  /** Answered without an API key (the document itself and the health check). */
  public?: boolean;
  handle(input: OperationInput): unknown;
}

const pageParams: QueryParam[] = [
  {
    name: 'limit',
    description: `page size (default ${DEFAULT_LIMIT})`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
  },
  { name: 'cursor', description: 'the `next_cursor` of the previous page', schema: { type: 'string', minLength: 1, maxLength: 512 } },
];

/** What every GET of the shop names: where it is and what it returns. */
interface ReadOperation {
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  item: string;
}

const readBase = (o: ReadOperation) => ({
  method: 'GET' as const,
  path: o.path,
  operationId: o.operationId,
  summary: o.summary,
  tag: o.tag,
});

/** A paged list of `item`s in ascending id order, filtered by `filters`; `items` may throw a 404 for a missing parent. */
export function listOperation<T extends { id: string }>(
  o: ReadOperation & {
    filters?: QueryParam[];
    errors?: Operation['errors'];
    items(input: OperationInput): readonly T[];
  },
): Operation {
  return {
    ...readBase(o),
    query: [...(o.filters ?? []), ...pageParams],
    response: { status: 200, description: `a page of ${o.item} records`, schema: ref(pageSchema(o.item)) },
    errors: o.errors ?? [400],
    handle: (input) => paginate(o.operationId, o.items(input), input.query),
  };
}

/** One `item` by the id in the path (`{id}`); 404 when there is none. */
export function getOperation<T>(o: ReadOperation & { find(id: string): T | undefined }): Operation {
  return {
    ...readBase(o),
    response: { status: 200, description: `the ${o.item}`, schema: ref(o.item) },
    errors: [404],
    handle: ({ path }) => {
      const found = o.find(path.id);
      if (found === undefined) throw new ShopError(404, 'not_found', `no ${o.item} ${path.id}`);
      return found;
    },
  };
}

/** A lookup by id over records kept in id order. */
export const byId = <T extends { id: string }>(items: readonly T[]) => {
  const index = new Map(items.map((item) => [item.id, item]));
  return (id: string) => index.get(id);
};
