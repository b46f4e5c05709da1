/**
 * The served OpenAPI document is valid (swagger-parser) and true: every documented answer of every
 * endpoint is provoked on a real server and validated against the document's schema for its
 * status, and no documented answer is left unprovoked.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { startMockShop, type MockShop } from './server';
import { shopClient, type CallOptions } from './shop-client';

type Doc = {
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, { operationId: string; security?: unknown[]; responses: Record<string, unknown> }>>;
  components: { securitySchemes: Record<string, unknown> };
};

const okTicket = { customerId: 'cus_0001', subject: 'Broken lid', body: 'The mug arrived with a cracked lid.', priority: 'high' };

/** Requests that between them provoke every documented answer (path, status). */
const requests: Array<[string, CallOptions?]> = [
  ['/health'],
  ['/openapi.json'],
  ['/products?limit=3'],
  ['/products?cursor=bad'],
  ['/products', { apiKey: null }],
  ['/products/prod_0001'],
  ['/products/prod_9999'],
  ['/products/prod_0001', { apiKey: 'wrong-key-123' }],
  ['/customers?limit=5'],
  ['/customers?email=x%40y.example'],
  ['/customers?q='],
  ['/customers', { apiKey: null }],
  ['/customers/cus_0001'],
  ['/customers/cus_9999'],
  ['/customers/cus_0001', { apiKey: null }],
  ['/customers/cus_0001/orders'],
  ['/customers/cus_0001/orders?limit=1000'],
  ['/customers/cus_9999/orders'],
  ['/customers/cus_0001/orders', { apiKey: null }],
  ['/orders?status=paid&limit=2'],
  ['/orders?since=yesterday'],
  ['/orders', { apiKey: null }],
  ['/orders/ord_00001'],
  ['/orders/ord_99999'],
  ['/orders/ord_00001', { apiKey: null }],
  ['/article-reads?customerId=cus_0001'],
  ['/article-reads?limit=x'],
  ['/article-reads', { apiKey: null }],
  ['/tickets'],
  ['/tickets?cursor='],
  ['/tickets', { apiKey: null }],
  ['/tickets', { body: okTicket }],
  ['/tickets', { body: { ...okTicket, priority: 'asap' } }],
  ['/tickets', { body: okTicket, apiKey: null }],
  ['/tickets', { body: { ...okTicket, body: 'x'.repeat(70_000) } }],
  ['/tickets', { body: 'x', headers: { 'content-type': 'text/plain' } }],
  ['/tickets', { body: okTicket }], // the second new ticket: over this server's cap
];

/** The documented path template a concrete path belongs to. */
const templateOf = (doc: Doc, path: string) =>
  Object.keys(doc.paths).find((t) => new RegExp(`^${t.replace(/\{\w+\}/g, '[^/]+')}$`).test(path.split('?')[0]));

/** A JSON pointer token as a URI fragment part (ajv decodes fragments). */
const token = (t: string) => encodeURIComponent(t.replace(/~/g, '~0').replace(/\//g, '~1'));

describe('the OpenAPI document', () => {
  let shop: MockShop;
  let doc: Doc;
  beforeAll(async () => {
    shop = await startMockShop({ maxNewTickets: 1 });
    doc = (await shopClient(shop)('/openapi.json', { apiKey: null })).body;
  });
  afterAll(() => shop.close());

  it('is a valid OpenAPI 3.1 document for this server, with the API key scheme', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    expect(doc.servers).toEqual([{ url: shop.url }]);
    expect(doc.components.securitySchemes).toEqual({ apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } });
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/article-reads',
        '/customers',
        '/customers/{id}',
        '/customers/{id}/orders',
        '/health',
        '/openapi.json',
        '/orders',
        '/orders/{id}',
        '/products',
        '/products/{id}',
        '/tickets',
      ].sort(),
    );
    const publicOps = Object.values(doc.paths).flatMap((ops) => Object.values(ops).filter((op) => op.security?.length === 0));
    expect(publicOps.map((op) => op.operationId).sort()).toEqual(['health', 'openapi']);
  });

  it('every answer of every endpoint matches its documented schema, and every documented answer occurs', async () => {
    // Strict: a misspelt keyword in the shop's schemas fails here; OpenAPI's own fields are a vocabulary.
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    ajv.addVocabulary(['openapi', 'info', 'jsonSchemaDialect', 'servers', 'security', 'tags', 'paths', 'components']);
    ajv.addSchema(doc, 'shop');

    const call = shopClient(shop);
    const seen = new Set<string>();
    const mismatches: string[] = [];
    for (const [path, options] of requests) {
      const method = options?.method ?? (options?.body === undefined ? 'get' : 'post');
      const template = templateOf(doc, path);
      const operation = template ? doc.paths[template][method] : undefined;
      const answer = await call(path, options);
      expect([path, method, operation && String(answer.status) in operation.responses]).toEqual([path, method, true]);
      seen.add(`${method} ${template} ${answer.status}`);
      const pointer = ['paths', template!, method, 'responses', String(answer.status), 'content', 'application/json', 'schema'];
      const validate = ajv.getSchema(`shop#/${pointer.map(token).join('/')}`)!;
      if (!validate(answer.body)) mismatches.push(`${method} ${path} ${answer.status}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(mismatches).toEqual([]);
    // Not vacuous: the schemas reject what the shop must never send.
    const order = ajv.getSchema(`shop#/paths/${token('/orders/{id}')}/get/responses/200/content/application~1json/schema`)!;
    const served = (await call('/orders/ord_00001')).body;
    expect(order(served)).toBe(true);
    expect(order({ ...served, total: '12.00' })).toBe(false);
    expect(order({ ...served, lines: [{ ...served.lines[0], productId: undefined }] })).toBe(false);
    expect(order({ ...served, extra: 1 })).toBe(false);

    const documented = Object.entries(doc.paths).flatMap(([template, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => Object.keys(op.responses).map((status) => `${method} ${template} ${status}`)),
    );
    expect(documented.filter((d) => !seen.has(d))).toEqual([]);
  });
});
