/** The response as expressions see it: `$response` = { status, headers, body }, body parsed by content type. */
import type { OutboundResponse } from '../outbound/outbound.types';
import { ConnectorError } from './connector-error';
import { redact } from './redact';

export interface DecodedResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const TEXT = /^(text\/|application\/(xml|x-www-form-urlencoded|javascript))/;

export function decodeResponse(res: OutboundResponse, secrets: readonly string[]): DecodedResponse {
  const type = (res.headers['content-type'] ?? '').toLowerCase();
  let decoded: string | undefined;
  // A view on the bytes, not a copy; decoded once.
  const text = () => (decoded ??= Buffer.from(res.body.buffer, res.body.byteOffset, res.body.byteLength).toString('utf8'));
  let body: unknown;
  if (res.body.length === 0) body = null;
  else if (/[/+]json\b/.test(type) || (!type && /^\s*[[{]/.test(text()))) {
    try {
      body = JSON.parse(text());
    } catch {
      throw new ConnectorError(
        'BAD_RESPONSE',
        `the API said its answer is JSON, but it is not: ${JSON.stringify(redact(text().slice(0, 120), secrets))}`,
        {
          status: res.status,
          remoteBody: remoteText(res, secrets),
        },
      );
    }
  } else if (TEXT.test(type) || !type) body = text();
  else body = { contentType: type, base64: Buffer.from(res.body).toString('base64') };
  return { status: res.status, headers: res.headers, body };
}

/** What a caller may see of an error body: text, cut, secrets out. */
export function remoteText(res: OutboundResponse, secrets: readonly string[]): string {
  return redact(Buffer.from(res.body.subarray(0, 4000)).toString('utf8'), secrets).slice(0, 2000);
}
