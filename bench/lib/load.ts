/**
 * One load measurement with autocannon, run in this process. A warm-up run (same request
 * generator, results discarded) precedes the measured run so JIT, SQLite page cache and
 * connection setup are out of the figures.
 */
import autocannon from 'autocannon';

export interface MeasureOptions {
  /** Base URL plus path, e.g. `http://127.0.0.1:3000/contacts?status=lead&limit=50`. */
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** The same body for every request. */
  body?: string;
  /** Body number `i` (0, 1, 2… across warm-up and measured run), e.g. to keep emails unique. */
  bodies?: (i: number) => string;
  /** Path number `i` (replaces the URL's path and query), e.g. to read different ids. */
  paths?: (i: number) => string;
  connections?: number;
  durationSec: number;
  warmupSec?: number;
}

export interface LoadResult {
  /** Mean requests per second over the measured run (all status codes). */
  rps: number;
  /** Latency percentiles in milliseconds, over 2xx responses only (autocannon's rule). */
  p50: number;
  p99: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Responses received in the measured run. */
  total: number;
  statusCodes: Record<string, number>;
}

type Request = NonNullable<autocannon.Options['requests']>[number];

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export async function measure(options: MeasureOptions): Promise<LoadResult> {
  const { bodies, paths } = options;
  let counter = 0;
  // A per-request setup only when something varies: a static request is encoded once and reused.
  const requests: Request[] | undefined =
    bodies || paths
      ? [
          {
            setupRequest: (req) => {
              const i = counter++;
              if (bodies) req.body = bodies(i);
              if (paths) req.path = paths(i);
              return req;
            },
          },
        ]
      : undefined;
  const base: autocannon.Options = {
    url: options.url,
    method: options.method ?? 'GET',
    headers: { ...(options.body || bodies ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: options.body,
    requests,
    connections: options.connections ?? 16,
  };
  if (options.warmupSec) await run({ ...base, duration: options.warmupSec });
  const r = await run({ ...base, duration: options.durationSec });
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = s.count ?? 0;
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    total: r.requests.total,
    statusCodes,
  };
}
