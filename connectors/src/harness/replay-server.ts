/**
 * A real HTTP server on 127.0.0.1 that answers with the recorded responses, one per request in
 * the recorded order, and keeps every difference between a request the executor made and the
 * recording. An unexpected request gets a 599 so the operation fails and the difference is shown.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Exchange, RecordedRequest } from './fixture.types';

export interface ReplayServer {
  url: string;
  /** One line per difference, e.g. `request 1: query.page: expected "2", got "3"`. */
  differences: string[];
  /** Exchanges never asked for. */
  unused(): number;
  close(): Promise<void>;
}

const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

function parseBody(text: string, contentType: string | undefined): unknown {
  if (!text) return undefined;
  if (contentType?.includes('json'))
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  return text;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return sameJson(ka, kb) && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

function queryOf(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/** Every way the request differs from the recording, as `where: expected …, got …`. */
export function compareRequest(expected: RecordedRequest, got: RecordedRequest & { headers: Record<string, string> }): string[] {
  const out: string[] = [];
  if (expected.method.toUpperCase() !== got.method) out.push(`method: expected ${expected.method}, got ${got.method}`);
  if (expected.path !== got.path) out.push(`path: expected ${expected.path}, got ${got.path}`);
  const eq = expected.query ?? {};
  const gq = got.query ?? {};
  for (const key of new Set([...Object.keys(eq), ...Object.keys(gq)]))
    if (!sameJson(eq[key], gq[key])) out.push(`query.${key}: expected ${show(eq[key])}, got ${show(gq[key])}`);
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    const actual = got.headers[name.toLowerCase()];
    if (actual !== value) out.push(`header ${name.toLowerCase()}: expected ${show(value)}, got ${show(actual)}`);
  }
  if (!sameJson(expected.body, got.body)) out.push(`body: expected ${show(expected.body)}, got ${show(got.body)}`);
  return out;
}

export async function startReplayServer(exchanges: readonly Exchange[]): Promise<ReplayServer> {
  const differences: string[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const got = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: queryOf(url),
        headers,
        body: parseBody(Buffer.concat(chunks).toString('utf8'), headers['content-type']),
      };
      const index = next++;
      const exchange = exchanges[index];
      if (!exchange) {
        differences.push(`request ${index + 1} (${got.method} ${got.path}) was not recorded: the fixture has ${exchanges.length}`);
        res.writeHead(599, { 'content-type': 'text/plain' }).end('not recorded');
        return;
      }
      for (const d of compareRequest(exchange.request, got)) differences.push(`request ${index + 1}: ${d}`);
      const { status, headers: answerHeaders = {}, body } = exchange.response;
      const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
      const type = typeof body === 'string' ? 'text/plain' : 'application/json';
      res.writeHead(status, { 'content-type': type, ...answerHeaders }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    differences,
    unused: () => Math.max(0, exchanges.length - next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
