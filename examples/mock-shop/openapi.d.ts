/**
 * The shop's OpenAPI 3.1 document, built from the same operation objects the router answers with
 * (paths, parameters, bodies, answers) and the schemas of shop-schemas.ts, so it is exact by
 * construction; the tests check it against swagger-parser and every answer against it.
 */
import type { Operation } from './operation';
export declare function openApiDocument(operations: Operation[], serverUrl: string): Record<string, unknown>;
