/**
 * Server latency of one request shape with autocannon, keeping every response time so the p95
 * (which autocannon's histogram summary does not report) is exact. Few connections on purpose:
 * the question is how long one list request takes, not how many fit in a second.
 */
import autocannon from 'autocannon';
import { summarize, type Summary } from './stats';

export interface LatencyOptions {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSec: number;
  warmupSec: number;
}

export interface LatencyResult extends Summary {
  rps: number;
  non2xx: number;
  errors: number;
}

function run(opts: autocannon.Options, onTime?: (ms: number, status: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    if (onTime) instance.on('response', (_client: unknown, status: number, _bytes: number, time: number) => onTime(time, status));
  });
}

/**
 * A probe request first: a shape slower than 250 ms is measured over SLOW_AMOUNT requests
 * (no warm-up) instead of a fixed duration, so even multi-second requests give a few samples
 * and none is cut off by the end of the run (which would leave the server busy for the next one).
 */
const SLOW_MS = 250;
const SLOW_AMOUNT = 6;

export async function latency(o: LatencyOptions): Promise<LatencyResult> {
  const base: autocannon.Options = { url: o.url, headers: o.headers, connections: o.connections, timeout: 120 };
  const t0 = performance.now();
  await fetch(o.url, { headers: o.headers }).then((r) => r.arrayBuffer());
  const slow = performance.now() - t0 > SLOW_MS;
  if (o.warmupSec && !slow) await run({ ...base, duration: o.warmupSec });
  const times: number[] = [];
  const r = await run(
    slow ? { ...base, amount: SLOW_AMOUNT } : { ...base, duration: o.durationSec },
    (t, status) => status < 300 && times.push(t),
  );
  return { ...summarize(times), rps: r.requests.average, non2xx: r.non2xx, errors: r.errors };
}
