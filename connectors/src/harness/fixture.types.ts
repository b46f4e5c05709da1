/**
 * A recorded case of one operation (`fixtures/<operation>.<case>.json`): what was given, the HTTP
 * exchanges the executor is expected to make (in order) with the answers to replay, and what the
 * operation must return or the error code it must fail with.
 */
import type { Credential } from '../executor/credential.types';

export interface RecordedRequest {
  method: string;
  /** The path from the server's root, without the query string. */
  path: string;
  /** Every query parameter the request must carry (and no other). */
  query?: Record<string, string | string[]>;
  /** Only the headers listed are compared (lower-case names); the rest vary by client. */
  headers?: Record<string, string>;
  /** JSON bodies are compared as JSON, others as text. */
  body?: unknown;
}

export interface RecordedResponse {
  status: number;
  headers?: Record<string, string>;
  /** An object or array is sent as JSON; a string as it is. */
  body?: unknown;
}

export interface Exchange {
  request: RecordedRequest;
  response: RecordedResponse;
}

export interface Fixture {
  operation: string;
  description?: string;
  config?: Record<string, unknown>;
  credential?: Credential;
  input?: Record<string, unknown>;
  pages?: 'all' | 'page';
  exchanges: Exchange[];
  expect: { output?: unknown; error?: string };
}

/** A fixture as read from its file: the case name comes from the file name. */
export interface FixtureFile {
  file: string;
  name: string;
  fixture: Fixture;
}
