import type { Server } from 'node:http';

/**
 * Graceful stop of the HTTP side, for SIGTERM: no new connections; idle keep-alive connections
 * closed; requests in flight answered (each reply says `Connection: close`); long-lived streams
 * (live updates) ended by `endStreams`, so their clients reconnect elsewhere. Only connections
 * still busy after `graceMs` are cut. Before, every in-flight request was reset, and clients
 * retried writes that had been committed.
 */
export function trackRequests(server: Server): { inFlight(): number; idle(): Promise<void> } {
  let active = 0;
  let waiters: Array<() => void> = [];
  server.on('request', (_req, res) => {
    active++;
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      active--;
      if (active === 0) {
        const ready = waiters;
        waiters = [];
        ready.forEach((fn) => fn());
      }
    };
    res.once('finish', finished);
    res.once('close', finished);
  });
  return {
    inFlight: () => active,
    idle: () => (active === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}

export async function drainServer(
  server: Server,
  requests: ReturnType<typeof trackRequests>,
  options: { graceMs: number; endStreams: () => void },
): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  options.endStreams();
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([requests.idle(), new Promise((resolve) => (timer = setTimeout(resolve, options.graceMs)))]);
  clearTimeout(timer);
  server.closeAllConnections(); // what is left: past the grace, or idle again after its last reply
  await closed;
}
