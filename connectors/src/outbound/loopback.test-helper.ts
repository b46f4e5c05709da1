/**
 * Real HTTP servers on 127.0.0.1 for the outbound client's tests, and a fake "outside world" DNS:
 * the only fake in those tests is which address a name resolves to.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ResolvedAddress, Resolver } from './guarded-lookup';

export interface LoopbackServer {
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Requests seen, in order. */
  seen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string; remotePort: number }>;
  /** Sockets accepted so far (a reused keep-alive connection counts once). */
  connections: Socket[];
  close(): Promise<void>;
}

export async function startServer(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<LoopbackServer> {
  const seen: LoopbackServer['seen'] = [];
  const connections: Socket[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
        remotePort: req.socket.remotePort ?? 0,
      });
      handler(req, res);
    });
  });
  server.on('connection', (socket) => connections.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    seen,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A resolver for a made-up world: names map to the given answers; anything else is ENOTFOUND. */
export function fakeDns(world: Record<string, string | string[]>): Resolver {
  return async (hostname) => {
    const answer = world[hostname.toLowerCase()];
    if (answer === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return (Array.isArray(answer) ? answer : [answer]).map((address): ResolvedAddress => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
  };
}

/** Resolves with the error a promise rejects with (fails the test if it resolves). */
export async function failure<T>(promise: Promise<T>): Promise<Error & { code?: string; url?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code?: string };
  }
  throw new Error('expected the call to fail, it succeeded');
}
