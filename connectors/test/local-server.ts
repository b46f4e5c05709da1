/** A real HTTP server on loopback for executor tests; each request is recorded with its raw body. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from '@jest/globals';
import { isConnectorError, type ConnectorError } from '../src/executor';

export interface Seen {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type Handler = (req: Seen, res: http.ServerResponse) => void | Promise<void>;

export async function localServer(handler: Handler): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s: Seen = { method: req.method!, url: new URL(req.url!, 'http://local'), headers: req.headers, body: Buffer.concat(chunks) };
      seen.push(s);
      Promise.resolve(handler(s, res)).catch((err) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** `localServer` for a test file: every server started in a test is closed after it. */
export function serversClosedAfterEach(): (...args: Parameters<typeof localServer>) => ReturnType<typeof localServer> {
  let servers: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });
  return async (...args) => {
    const s = await localServer(...args);
    servers.push(s);
    return s;
  };
}

/** The ConnectorError a call fails with; anything else (or success) fails the test. */
export async function fail(p: Promise<unknown>): Promise<ConnectorError> {
  try {
    await p;
  } catch (err) {
    if (isConnectorError(err)) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}
