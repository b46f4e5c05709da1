/**
 * Answers a request with the operation whose path and method match: the API key (unless the
 * operation is public), the query and body checks, then the operation's handler. Every answer is
 * JSON, errors included (`{ error: { code, message, problems? } }`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Operation } from './operation';
export declare function createRouter(operations: Operation[], apiKey: string): (req: IncomingMessage, res: ServerResponse) => void;
