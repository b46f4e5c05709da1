/**
 * One endpoint of the shop as data: what the router needs to match, check and answer it, and what
 * the OpenAPI document says about it. Both read the same object, so the document describes exactly
 * the parameters, bodies and answers the server has.
 */
import type { JsonSchema } from '@tessera/core';
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
    response: {
        status: 200 | 201;
        description: string;
        schema: JsonSchema;
    };
    /** Error answers besides 401 (which every non-public operation can give). */
    errors: Array<400 | 404 | 413 | 415 | 507>;
    /** Answered without an API key (the document itself and the health check). */
    public?: boolean;
    handle(input: OperationInput): unknown;
}
/** A paged list of `item`s in ascending id order, filtered by `filters`; `items` may throw a 404 for a missing parent. */
export declare function listOperation<T extends {
    id: string;
}>(o: {
    path: string;
    operationId: string;
    summary: string;
    tag: string;
    item: string;
    filters?: QueryParam[];
    errors?: Operation['errors'];
    items(input: OperationInput): readonly T[];
}): Operation;
/** One `item` by the id in the path (`{id}`); 404 when there is none. */
export declare function getOperation<T>(o: {
    path: string;
    operationId: string;
    summary: string;
    tag: string;
    item: string;
    find(id: string): T | undefined;
}): Operation;
/** A lookup by id over records kept in id order. */
export declare const byId: <T extends {
    id: string;
}>(items: readonly T[]) => (id: string) => T | undefined;
