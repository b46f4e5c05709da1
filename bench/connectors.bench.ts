/**
 * `npm run bench:connectors`: what a connector costs, measured against a baseline in the same run
 * (this machine is noisy: only the ratios mean something). Both against the mock shop on loopback:
 * 1. one call of `getOrder` through the executor and the safe outbound client, against a plain
 *    undici request for the same URL (aim: within 1.1x at p50 and p99);
 * 2. a 25-row table page through Tessera's API: the connector operation (server → shop) against
 *    the same orders stored as records and listed by the records API.
 * Rounds alternate between the two sides; BENCH_CONNECTOR_CALLS per side and round (default 2,000).
 */
import { request } from 'undici';
import { executeOperation, createOutboundClient, importOpenApi } from '@tessera/connectors';
import { startMockShop } from '../examples/mock-shop/server';
import { startTestServer } from '../runtime/test/helpers/tessera';

const CALLS = Number(process.env.BENCH_CONNECTOR_CALLS ?? 2000);
const ROUNDS = 4;
const KEY = 'bench-shop-key-1';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

async function compare(name: string, base: (i: number) => Promise<unknown>, subject: (i: number) => Promise<unknown>, calls: number) {
  await timed(200, base);
  await timed(200, subject); // warm-up: pools, JIT, compiled schemas
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    a.push(...(await timed(calls, base)));
    b.push(...(await timed(calls, subject)));
  }
  const row = (xs: number[]) => ({ p50: pct(xs, 50), p99: pct(xs, 99) });
  const x = row(a);
  const y = row(b);
  console.log(
    `${name}: baseline p50 ${x.p50.toFixed(3)} ms, p99 ${x.p99.toFixed(3)} ms | connector p50 ${y.p50.toFixed(3)} ms, p99 ${y.p99.toFixed(3)} ms | ratio p50 ${(y.p50 / x.p50).toFixed(2)}x, p99 ${(y.p99 / x.p99).toFixed(2)}x (${a.length} calls each)`,
  );
}

async function main(): Promise<void> {
  const shop = await startMockShop({ apiKey: KEY, seed: 1, counts: { orders: 3000 } });
  const imported = await importOpenApi(await (await fetch(`${shop.url}/openapi.json`)).text(), { name: 'shop' });
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  const manifest = imported.manifest;
  const outbound = createOutboundClient({ allow: '127.0.0.1' });
  const ids = Array.from({ length: 100 }, (_, i) => `ord_${String(i + 1).padStart(5, '0')}`);

  await compare(
    'getOrder, executor vs plain undici',
    async (i) => {
      const res = await request(`${shop.url}/orders/${ids[i % 100]}`, { headers: { 'x-api-key': KEY, accept: 'application/json' } });
      if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
      return res.body.json();
    },
    (i) =>
      executeOperation(
        {
          manifest,
          operation: 'getOrder',
          config: { baseUrl: shop.url },
          credential: { type: 'apiKey', key: KEY },
          input: { id: ids[i % 100] },
        },
        { outbound },
      ),
    CALLS,
  );

  const t = await startTestServer({ outboundAllow: '127.0.0.1', logLevel: 'silent' });
  try {
    await t.api('POST', '/api/connectors', manifest);
    const app = {
      schemaVersion: 1,
      id: 'bench-shop',
      name: 'Bench shop',
      entities: [
        {
          id: 'order',
          label: 'Order',
          display: 'number',
          fields: [
            { id: 'number', type: 'text' },
            { id: 'status', type: 'text' },
            { id: 'total', type: 'number' },
            { id: 'placed', type: 'text' },
          ],
        },
      ],
      connections: [{ id: 'shop', connector: 'shop@^1.0.0', config: { baseUrl: shop.url }, credential: 'key' }],
    };
    await t.api('POST', '/api/apps', app);
    if ((await t.api('POST', '/api/apps/bench-shop/publish', {})).status !== 201) throw new Error('publish failed');
    await t.api('PUT', '/api/apps/bench-shop/credentials/key', { type: 'apiKey', key: KEY });
    // The same first orders, as records.
    const first = (await t.api('POST', '/api/apps/bench-shop/connections/shop/operations/listOrders', { page: { size: 100 } })).body
      .output as Array<Record<string, unknown>>;
    for (const o of first)
      await t.api('POST', '/api/apps/bench-shop/data/order', { number: o.number, status: o.status, total: o.total, placed: o.createdAt });
    await compare(
      '25-row table page via the API, connector vs stored records',
      () => t.api('GET', '/api/apps/bench-shop/data/order?limit=25'),
      () => t.api('POST', '/api/apps/bench-shop/connections/shop/operations/listOrders', { page: { size: 25 } }),
      Math.max(200, Math.round(CALLS / 4)),
    );
  } finally {
    await t.close();
    await outbound.close();
    await shop.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
