/**
 * `tessera connector init`: a working example folder, so `tessera connector test` passes before
 * the developer changes anything. Declarative by default; `--code` adds a handler written with
 * the SDK's types for an operation without an HTTP binding.
 */
import fs from 'node:fs';
import path from 'node:path';

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

function header(name: string) {
  return {
    name,
    version: '0.1.0',
    title: name,
    description: `The ${name} API.`,
    auth: [{ type: 'apiKey', in: 'header', name: 'X-Api-Key' }],
    config: {
      type: 'object',
      properties: { baseUrl: { type: 'string', format: 'uri', default: 'https://api.example.com/v1' } },
      required: ['baseUrl'],
    },
    groups: [{ id: 'orders', title: 'Orders' }],
  };
}

const listOrders = {
  id: 'listOrders',
  title: 'List orders',
  kind: 'list',
  group: 'orders',
  input: { type: 'object', properties: { status: { type: 'string', enum: ['open', 'shipped'] } } },
  output: {
    type: 'array',
    items: { type: 'object', properties: { id: { type: 'string' }, total: { type: 'number' } }, required: ['id'] },
  },
  http: {
    method: 'GET',
    path: '/orders',
    query: { status: { $expr: '$input.status' } },
    records: { $expr: '$response.body.data.{ "id": $string(id), "total": amount / 100 }' },
    pagination: { type: 'cursor', cursorParam: 'after', limitParam: 'limit', pageSize: 50, cursor: { $expr: '$response.body.next' } },
  },
};

const listOrdersFixture = {
  operation: 'listOrders',
  description: 'two pages of open orders; amounts come in cents',
  config: { baseUrl: 'https://api.example.com/v1' },
  credential: { type: 'apiKey', key: '[redacted]' },
  input: { status: 'open' },
  exchanges: [
    {
      request: {
        method: 'GET',
        path: '/v1/orders',
        query: { status: 'open', limit: '50' },
        headers: { 'x-api-key': '[redacted]' },
      },
      response: { status: 200, body: { data: [{ id: 1, amount: 1250 }], next: 'c2' } },
    },
    {
      request: { method: 'GET', path: '/v1/orders', query: { status: 'open', limit: '50', after: 'c2' } },
      response: { status: 200, body: { data: [{ id: 2, amount: 990 }], next: null } },
    },
  ],
  expect: {
    output: [
      { id: '1', total: 12.5 },
      { id: '2', total: 9.9 },
    ],
  },
};

const unauthorizedFixture = {
  operation: 'listOrders',
  description: 'a wrong key is the API refusing, not an empty list',
  config: { baseUrl: 'https://api.example.com/v1' },
  credential: { type: 'apiKey', key: '[redacted]' },
  input: {},
  exchanges: [
    { request: { method: 'GET', path: '/v1/orders', query: { limit: '50' } }, response: { status: 401, body: { error: 'bad key' } } },
  ],
  expect: { error: 'REMOTE' },
};

const quoteOperation = {
  id: 'quoteShipping',
  title: 'Quote shipping',
  kind: 'action',
  input: { type: 'object', properties: { weightKg: { type: 'number', minimum: 0 } }, required: ['weightKg'] },
  output: { type: 'object', properties: { price: { type: 'number' } }, required: ['price'] },
};

const quoteHandler = `/**
 * A code operation: no "http" binding in operations/quoteShipping.json, so this function runs it.
 * It reaches the network only through ctx.outbound (private addresses refused).
 */
import type { OperationHandler } from '@tessera/connectors';

const quoteShipping: OperationHandler = async (input, ctx) => {
  const res = await ctx.outbound.request({ method: 'GET', url: \`\${String(ctx.config.baseUrl)}/rates?kg=\${Number(input.weightKg)}\` });
  const body = JSON.parse(Buffer.from(res.body).toString('utf8')) as { perKg: number };
  return { price: Math.round(body.perKg * Number(input.weightKg) * 100) / 100 };
};

export default quoteShipping;
`;

const quoteFixture = {
  operation: 'quoteShipping',
  config: { baseUrl: 'https://api.example.com/v1' },
  input: { weightKg: 2 },
  exchanges: [{ request: { method: 'GET', path: '/v1/rates', query: { kg: '2' } }, response: { status: 200, body: { perKg: 3.25 } } }],
  expect: { output: { price: 6.5 } },
};

const readme = (name: string, code: boolean) => `# ${name} connector

- \`connector.json\`: name, version, title, auth, config schema, base URL, groups
- \`operations/<id>.json\`: one operation each (input/output schemas, the HTTP binding, JSONata)
${code ? '- `handlers/<id>.ts`: the function of an operation without an HTTP binding\n' : ''}- \`fixtures/<operation>.<case>.json\`: recorded exchanges and the expected output or error

\`\`\`
tessera connector test          # replays every fixture
tessera connector validate
tessera connector publish --registry https://tessera.example.com --token $TESSERA_TOKEN
\`\`\`
`;

/** Files the scaffold writes, relative to its folder. */
export function scaffoldFiles(name: string, code: boolean): Record<string, string> {
  const files: Record<string, string> = {
    'connector.json': json(code ? { ...header(name), kind: 'code' } : header(name)),
    'operations/listOrders.json': json(listOrders),
    'fixtures/listOrders.two-pages.json': json(listOrdersFixture),
    'fixtures/listOrders.unauthorized.json': json(unauthorizedFixture),
    'README.md': readme(name, code),
  };
  if (code) {
    files['operations/quoteShipping.json'] = json(quoteOperation);
    files['handlers/quoteShipping.ts'] = quoteHandler;
    files['fixtures/quoteShipping.two-kg.json'] = json(quoteFixture);
  }
  return files;
}

export const NAME_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

/** Writes the example; refuses a folder that exists and is not empty (nothing is overwritten). */
export function scaffoldConnector(dir: string, name: string, code: boolean): string[] {
  if (!NAME_PATTERN.test(name))
    throw new Error(`"${name}" is not a connector name: lower-case letters, digits and "-", starting with a letter`);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length)
    throw new Error(`${dir} is not empty; choose another folder with --dir (nothing was written)`);
  const files = scaffoldFiles(name, code);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return Object.keys(files);
}
