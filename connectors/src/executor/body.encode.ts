/**
 * The request body in the form the operation declares. Multipart is written by hand (a few lines)
 * rather than through a FormData round trip so the bytes are exactly what the manifest asked for
 * and the outbound client only ever sees a Uint8Array.
 */
import { randomBytes } from 'node:crypto';
import type { HttpBinding } from '@tessera/core';
import { ConnectorError } from './connector-error';

export interface EncodedBody {
  body: string | Uint8Array;
  contentType: string;
}

export interface FilePart {
  filename: string;
  contentType?: string;
  base64: string;
}

const isFilePart = (v: unknown): v is FilePart =>
  typeof v === 'object' && v !== null && typeof (v as FilePart).filename === 'string' && typeof (v as FilePart).base64 === 'string';

/** `boundary` only for tests; a default value here would draw random bytes for every request, body or not. */
export function encodeBody(http: HttpBinding, value: unknown, boundary?: string): EncodedBody | undefined {
  if (value === undefined || value === null) return undefined;
  switch (http.bodyType ?? 'json') {
    case 'json':
      return { body: JSON.stringify(value), contentType: 'application/json' };
    case 'form':
      return {
        body: new URLSearchParams(fields(value, 'form').map(([k, v]) => [k, text(v)])).toString(),
        contentType: 'application/x-www-form-urlencoded',
      };
    case 'multipart': {
      // A fresh random boundary per request (only here: it costs a system call).
      const b = boundary ?? `tessera-${randomBytes(12).toString('hex')}`;
      return { body: multipart(fields(value, 'multipart'), b), contentType: `multipart/form-data; boundary=${b}` };
    }
    case 'binary':
      if (typeof value !== 'string') throw new ConnectorError('INPUT', 'a binary body is a base64 string');
      return { body: decodeBase64(value, 'the body'), contentType: http.contentType ?? 'application/octet-stream' };
  }
}

function fields(value: unknown, kind: string): Array<[string, unknown]> {
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConnectorError('INPUT', `a ${kind} body is an object of fields`);
  return Object.entries(value as Record<string, unknown>)
    .flatMap(([k, v]): Array<[string, unknown]> => (Array.isArray(v) ? v.map((x): [string, unknown] => [k, x]) : [[k, v]]))
    .filter(([, v]) => v !== undefined && v !== null);
}

const text = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v));

function multipart(parts: Array<[string, unknown]>, boundary: string): Uint8Array {
  const chunks: Buffer[] = [];
  for (const [name, value] of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"`;
    let content: Buffer;
    if (isFilePart(value)) {
      head += `; filename="${quote(value.filename)}"\r\nContent-Type: ${value.contentType ?? 'application/octet-stream'}`;
      content = decodeBase64(value.base64, `file "${name}"`);
    } else {
      content = Buffer.from(text(value), 'utf8');
    }
    chunks.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'), content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** Quotes and line breaks in a field or file name would end the header early (RFC 7578 §4.2). */
const quote = (s: string) => s.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');

function decodeBase64(s: string, what: string): Buffer {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s)) throw new ConnectorError('INPUT', `${what} is not base64`);
  return Buffer.from(s, 'base64');
}
