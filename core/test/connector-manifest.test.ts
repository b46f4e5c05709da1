import { describe, expect, it } from '@jest/globals';
import { validateConnectorManifest } from '../src/index';

const manifest = () => ({
  name: 'acme-erp',
  version: '1.2.0',
  title: 'ACME ERP',
  auth: [{ type: 'apiKey', in: 'header', name: 'X-Api-Key' }],
  config: { type: 'object', properties: { baseUrl: { type: 'string', format: 'uri' } }, required: ['baseUrl'] },
  operations: [
    {
      id: 'listOrders',
      title: 'List orders',
      input: { type: 'object' },
      output: { type: 'array' },
      http: { method: 'GET', path: '/orders', query: { since: { $expr: 'input.since' } } },
    },
  ],
});

describe('validateConnectorManifest', () => {
  it('accepts a manifest and applies defaults', () => {
    const r = validateConnectorManifest(manifest());
    expect(r.ok && r.manifest.triggers).toEqual([]);
  });

  it('reports schema errors and broken embedded schemas', () => {
    const bad: ReturnType<typeof manifest> & Record<string, unknown> = manifest();
    bad.version = '1.2';
    bad.operations[0].http.method = 'FETCH';
    expect(validateConnectorManifest(bad)).toEqual({
      ok: false,
      errors: [
        { pointer: '/version', message: '"1.2" is not a semantic version (like "1.2.0")' },
        { pointer: '/operations/0/http/method', message: 'must be one of "GET", "POST", "PUT", "PATCH", "DELETE"' },
      ],
    });
    const broken = manifest();
    broken.operations[0].output = { type: 'arry' };
    expect(validateConnectorManifest(broken)).toEqual({
      ok: false,
      errors: [{ pointer: '/operations/0/output', message: expect.stringMatching(/^invalid JSON Schema: /) }],
    });
  });
});
