/**
 * Turning what undici and the socket report into OutboundErrors a consultant can act on. Messages
 * name the URL without its query string (it may hold an API key) and never a header value.
 */
import { OutboundError } from './outbound.types';

/** Origin and path only: no user info (refused anyway), no query, no fragment. */
export function safeUrl(url: URL): string {
  return url.origin + url.pathname;
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused (nothing listens on that port?)',
  ECONNRESET: 'the connection was reset by the server',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  EPIPE: 'the server closed the connection while the request was sent',
  UND_ERR_SOCKET: 'the server closed the connection',
  UND_ERR_CLOSED: 'the client was closed',
  UND_ERR_DESTROYED: 'the client was closed',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the response was shorter or longer than its Content-Length',
  HPE_INVALID_CONSTANT: 'the server did not answer with valid HTTP',
};

/** Any failure of one exchange, mapped to a code; OutboundErrors pass through with the URL set. */
export function toOutboundError(err: unknown, url: URL): OutboundError {
  const where = safeUrl(url);
  if (err instanceof OutboundError) return err.url === where ? err : new OutboundError(err.message, err.code, where);
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : '';
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new OutboundError(`${where}: could not connect to ${url.host} in time (connect timeout)`, 'CONNECT_TIMEOUT', where);
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new OutboundError(`${where}: the server stopped answering (timeout)`, 'TIMEOUT', where);
  }
  if (code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_ARG_TYPE' || code === 'ERR_INVALID_CHAR') {
    // undici's own words ("invalid x-key header") name the header, not its value.
    return new OutboundError(`${where}: the request is not valid HTTP (${message.split('\n')[0]})`, 'BAD_REQUEST', where);
  }
  if (/^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code) || code === 'EPROTO') {
    return new OutboundError(
      `${where}: the TLS connection to ${url.host} failed (${code}: ${message.replace(/^Error: /, '')})`,
      'NETWORK',
      where,
    );
  }
  const words = NETWORK_WORDS[code] ?? 'the network call failed';
  return new OutboundError(`${where}: ${words}${code ? ` (${code})` : ''}`, 'NETWORK', where);
}
