/**
 * The one way connectors reach the network: every call from a declarative operation, a code
 * connector, "Try it", or an OpenAPI URL import goes through an OutboundClient, which refuses
 * private addresses after DNS resolution and on every redirect and caps size and time.
 */

export interface OutboundRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** Absolute http(s) URL. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Total time for the exchange, the body included (default 30,000 ms). */
  timeoutMs?: number;
  /** Time to open the TCP (and TLS) connection (default 5,000 ms). */
  connectTimeoutMs?: number;
  /** The body is read up to this many bytes; more is an OutboundError `TOO_LARGE` (default 5 MiB). */
  maxResponseBytes?: number;
  /** Redirects followed (each target checked again); default 5, 0 returns the 3xx itself. */
  maxRedirects?: number;
  signal?: AbortSignal;
}

export interface OutboundResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", " (set-cookie with "\n"). */
  headers: Record<string, string>;
  body: Uint8Array;
  /** The URL that answered, after redirects. */
  url: string;
  /** Milliseconds from the first byte sent to the last byte read. */
  durationMs: number;
}

export type OutboundErrorCode =
  | 'BAD_URL' // not an absolute http(s) URL, or credentials in the URL
  | 'BAD_REQUEST' // a header name or value, or a method, that HTTP does not allow
  | 'BLOCKED_ADDRESS' // resolves to loopback, private, link-local, CGNAT, metadata … and is not allowed
  | 'DNS' // the name does not resolve
  | 'CONNECT_TIMEOUT'
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'TOO_MANY_REDIRECTS'
  | 'NETWORK' // refused, reset, TLS failure …
  | 'ABORTED';

export class OutboundError extends Error {
  constructor(
    message: string,
    readonly code: OutboundErrorCode,
    /** The URL being fetched when it failed (no query string: it may hold a key). */
    readonly url?: string,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

export interface OutboundClient {
  request(req: OutboundRequest): Promise<OutboundResponse>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}
