/**
 * The JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of what the shop serves and accepts: the
 * `components.schemas` of its OpenAPI document. The server validates ticket bodies with
 * `TicketInput` from here, and the tests validate every response against these, so the document
 * cannot drift from what is served.
 */
import type { JsonSchema } from '@tessera/core';
export declare const ref: (name: string) => JsonSchema;
/** The name of the schema of a page of `item`s (`Order` -> `OrderPage`). */
export declare const pageSchema: (item: string) => string;
export declare const schemas: Record<string, JsonSchema>;
