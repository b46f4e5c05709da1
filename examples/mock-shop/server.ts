/**
 * `startMockShop()`: the shop on a real HTTP port, with its seeded data in memory (tickets
 * created through the API are kept until it closes).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateApiKey } from './api-key';
import { articleReadRoutes } from './article-reads.routes';
import { customerRoutes } from './customers.routes';
import { openApiDocument } from './openapi';
import type { Operation } from './operation';
import { orderRoutes } from './orders.routes';
import { productRoutes } from './products.routes';
import { ref } from './shop-schemas';
import { generateShopData } from './shop-data';
import type { ShopCounts } from './shop-types';
import { ticketRoutes } from './tickets.routes';
import { createRouter } from './router';

export interface MockShopOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Generated when not given; the returned `apiKey` is the one to send. */
  apiKey?: string;
  seed?: number;
  counts?: Partial<ShopCounts>;
  /** How many tickets POST /tickets may create before answering 507 (default 10,000). */
  maxNewTickets?: number;
}

export interface MockShop {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

/** The address clients use: a wildcard bind is reached on loopback; IPv6 goes in brackets. */
const urlHost = (host: string) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host);

export async function startMockShop(options: MockShopOptions = {}): Promise<MockShop> {
  const host = options.host ?? '127.0.0.1';
  const apiKey = options.apiKey ?? generateApiKey();
  if (apiKey.length < 8) throw new RangeError('apiKey must have at least 8 characters');
  const data = generateShopData(options.seed, options.counts);
  const operations: Operation[] = [
    ...productRoutes(data),
    ...customerRoutes(data),
    ...orderRoutes(data),
    ...articleReadRoutes(data),
    ...ticketRoutes(data, options.maxNewTickets),
  ];
  let document: Record<string, unknown> = {};
  operations.push(
    {
      method: 'GET',
      path: '/health',
      operationId: 'health',
      summary: 'Health check',
      tag: 'meta',
      public: true,
      errors: [],
      response: { status: 200, description: 'the server is up', schema: ref('Health') },
      handle: () => ({ status: 'ok' }),
    },
    {
      method: 'GET',
      path: '/openapi.json',
      operationId: 'openapi',
      summary: 'This OpenAPI document',
      tag: 'meta',
      public: true,
      errors: [],
      response: { status: 200, description: 'an OpenAPI 3.1 document', schema: { type: 'object' } },
      handle: () => document,
    },
  );

  const server = createServer(createRouter(operations, apiKey));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const url = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`;
  document = openApiDocument(operations, url);
  return {
    url,
    apiKey,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
