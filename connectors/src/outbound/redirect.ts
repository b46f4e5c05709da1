/**
 * The next hop of a redirect, as browsers' fetch takes it: 303 (and 301/302 after a POST) becomes
 * a GET without body; a hop to another origin drops the headers that carry credentials.
 */
import type { OutboundRequest } from './outbound.types';

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Authorization, cookies and API-key style headers (x-api-key, x-shop-token, x-auth-user …). */
const CREDENTIAL_HEADER = /authorization|cookie|key|token|secret|session|passw|auth|signature|credential/i;

/** The headers that describe a body, dropped with it (fetch's "request-body-header names"). */
const BODY_HEADER = /^(content-type|content-length|content-encoding|content-language|content-location|transfer-encoding)$/i;

export interface Hop {
  url: URL;
  method: OutboundRequest['method'];
  headers: Record<string, string> | undefined;
  body: OutboundRequest['body'];
}

export function nextHop(from: Hop, status: number, target: URL): Hop {
  const toGet = (status === 303 && from.method !== 'HEAD') || ((status === 301 || status === 302) && from.method === 'POST');
  const crossOrigin = target.origin !== from.url.origin;
  if (!toGet && !crossOrigin) return { ...from, url: target };
  let headers: Record<string, string> | undefined;
  if (from.headers) {
    headers = {};
    for (const [name, value] of Object.entries(from.headers)) {
      // Host names the old origin: undici sets the new one.
      if (crossOrigin && (CREDENTIAL_HEADER.test(name) || name.toLowerCase() === 'host')) continue;
      if (toGet && BODY_HEADER.test(name)) continue;
      headers[name] = value;
    }
  }
  return { url: target, method: toGet ? 'GET' : from.method, headers, body: toGet ? undefined : from.body };
}
