/**
 * What a failed operation call tells its caller (the builder's "Try it", a table, a workflow
 * step): a code to branch on, a message a consultant can act on, and — for remote failures — the
 * remote status and body, with every secret of the connection replaced before it leaves here.
 */
export type ConnectorErrorCode =
  | 'UNKNOWN_OPERATION'
  | 'INPUT' // the input does not match the operation's input schema
  | 'CONFIG' // the connection's configuration or base URL is unusable
  | 'AUTH' // no credential, wrong kind, or the token endpoint refused
  | 'REMOTE' // the API answered with an error status
  | 'BAD_RESPONSE' // the API answered something that is not what its content type says
  | 'OUTPUT_INVALID' // the output does not match the operation's output schema (policy "fail")
  | 'OUTBOUND' // the call did not reach the API or was refused (see `outbound`)
  | 'EXPRESSION' // a mapping expression failed
  | 'FAILED' // a code connector threw
  | 'CURSOR'; // a page cursor that this operation did not hand out

export interface ConnectorErrorDetail {
  status?: number;
  /** The remote body (text, at most 2,000 characters), secrets redacted. */
  remoteBody?: string;
  /** The outbound client's code when `code` is OUTBOUND. */
  outbound?: string;
  /** Schema problems (INPUT, OUTPUT_INVALID). */
  problems?: Array<{ pointer: string; message: string }>;
  /** Milliseconds the call took until it failed. */
  durationMs?: number;
  /** Seconds the API asked to wait (429/503 with Retry-After beyond what a call may wait). */
  retryAfter?: number;
}

export class ConnectorError extends Error {
  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    readonly detail: ConnectorErrorDetail = {},
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

export const isConnectorError = (err: unknown): err is ConnectorError => err instanceof ConnectorError;
