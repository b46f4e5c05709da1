/**
 * What the router checks before an operation runs, from the operation's own description: the
 * query (declared names only, once each, values valid for their schemas) and the JSON body
 * (content type, size, syntax, schema). Problems are reported all at once, as JSON pointers into
 * the request (`/query/limit`, `/body/subject`).
 */
import type { IncomingMessage } from 'node:http';
import type { Operation } from './operation';
export declare const MAX_BODY_BYTES: number;
export interface RequestChecks {
    query(params: URLSearchParams): Record<string, unknown>;
    body(req: IncomingMessage): Promise<unknown>;
}
export declare function requestChecks(op: Operation): RequestChecks;
