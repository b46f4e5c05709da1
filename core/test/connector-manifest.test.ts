import { describe, expect, it } from '@jest/globals';
import { validateConnectorManifest } from '../src/index';

const manifest = () => ({
  name: 'acme-erp',
  version: '1.2.0',
  title: 'ACME ERP',
  auth: [{ type: 'apiKey', in: 'header', name: 'X-Api-Key' }],
  config: { type: 'object', properties: { baseUrl: { type: 'string', format: 'uri' } }, required: ['baseUrl'] },
  groups: [{ id: 'orders', title: 'Orders' }],
  operations: [
    {
      id: 'listOrders',
      title: 'List orders',
      group: 'orders',
      kind: 'list',
      input: { type: 'object', properties: { since: { type: 'string' } } },
      output: { type: 'array' },
      http: {
        method: 'GET',
        path: '/orders',
        query: { since: { $expr: '$input.since' } },
        records: { $expr: '$response.body.data' },
        pagination: { type: 'cursor', cursorParam: 'cursor', cursor: { $expr: '$response.body.next' } },
      } as Record<string, unknown>,
    },
  ],
});

describe('validateConnectorManifest', () => {
  it('accepts a manifest and applies defaults', () => {
    const r = validateConnectorManifest(manifest());
    expect(r.ok).toBe(true);
    expect(r.ok && [r.manifest.kind, r.manifest.triggers]).toEqual(['declarative', []]);
  });

  it('reports schema errors and broken embedded schemas', () => {
    const bad: ReturnType<typeof manifest> & Record<string, unknown> = manifest();
    bad.version = '1.2';
    bad.operations[0].http.method = 'FETCH';
    expect(validateConnectorManifest(bad)).toEqual({
      ok: false,
      errors: [
        { pointer: '/version', message: '"1.2" is not a semantic version (like "1.2.0")' },
        { pointer: '/operations/0/http/method', message: 'must be one of "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"' },
      ],
    });
    const broken = manifest();
    broken.operations[0].output = { type: 'arry' };
    broken.operations[0].input = { type: 'object', properties: { since: { $ref: '#/$defs/Since' } as never } };
    expect(validateConnectorManifest(broken)).toEqual({
      ok: false,
      errors: [
        { pointer: '/operations/0/input', message: 'invalid JSON Schema: "$ref": "#/$defs/Since" points at nothing in this schema' },
        { pointer: '/operations/0/output', message: expect.stringMatching(/^invalid JSON Schema: /) },
      ],
    });
  });

  it('points at what a schema cannot say: missing auth and pagination parts, unknown groups and path inputs, bad expressions', () => {
    const m = manifest();
    m.auth = [
      { type: 'apiKey', in: 'header' } as never,
      { type: 'oauth2', flow: 'authorizationCode', tokenUrl: 'https://id.example.com/token' } as never,
    ];
    m.operations[0].group = 'invoices';
    m.operations[0].http.path = '/orders/{orderId}';
    m.operations[0].http.pagination = { type: 'cursor', cursorParam: 'cursor' };
    m.operations[0].http.records = { $expr: '$response.body.(' };
    expect(validateConnectorManifest(m)).toEqual({
      ok: false,
      errors: [
        { pointer: '/auth/0', message: 'apiKey authentication needs "name"' },
        { pointer: '/auth/1', message: 'the authorization code flow needs "authorizationUrl"' },
        { pointer: '/operations/0/group', message: 'no group "invoices" in "groups"' },
        { pointer: '/operations/0/http/pagination', message: 'cursor pagination needs "cursor"' },
        { pointer: '/operations/0/http/path', message: '"{orderId}" is not an input of the operation' },
        { pointer: '/operations/0/http/records', message: expect.stringMatching(/^expression does not parse: /) },
      ],
    });
  });

  it('needs http on declarative operations, not on code connectors', () => {
    const m: Record<string, unknown> & ReturnType<typeof manifest> = manifest();
    delete (m.operations[0] as Record<string, unknown>).http;
    expect(validateConnectorManifest(m)).toEqual({
      ok: false,
      errors: [{ pointer: '/operations/0', message: 'a declarative operation needs "http"' }],
    });
    m.kind = 'code';
    expect(validateConnectorManifest(m).ok).toBe(true);
  });
});
