import { describe, expect, it } from '@jest/globals';
import { validateConnectorManifest, validateDefinition, type ConnectorManifest } from '../src/index';
import { fullApp } from './fixture';

const erp = (() => {
  const r = validateConnectorManifest({
    name: 'http',
    version: '1.4.0',
    title: 'ERP over HTTP',
    config: {
      type: 'object',
      properties: { baseUrl: { type: 'string', format: 'uri' }, region: { enum: ['eu', 'us'] } },
      required: ['baseUrl'],
    },
    operations: [
      { id: 'createOrder', title: 'Create order', input: { type: 'object' }, output: true, http: { method: 'POST', path: '/orders' } },
      {
        id: 'listOrders',
        title: 'List orders',
        kind: 'list',
        input: { type: 'object' },
        output: true,
        http: { method: 'GET', path: '/orders' },
      },
      { id: 'getCustomer', title: 'Get customer', input: { type: 'object' }, output: true, http: { method: 'GET', path: '/customers' } },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.manifest;
})();
const smtp: ConnectorManifest = { ...erp, name: 'smtp', version: '1.2.3', config: { type: 'object' } };
const installed = (ref: string) => (ref.startsWith('http@') ? erp : ref.startsWith('smtp@') ? smtp : undefined);

describe('connections against the installed connectors', () => {
  it('accepts the fixture app when its connectors are installed, and says nothing about connectors when they are not known', () => {
    expect(validateDefinition(fullApp(), { connectors: installed })).toMatchObject({ ok: true });
    expect(validateDefinition(fullApp())).toMatchObject({ ok: true });
  });

  it('names a connector that is not installed, a config that does not fit, unknown operations and roles', () => {
    const app = fullApp();
    app.connections[0].config = { baseUrl: 'not a url', region: 'mars' };
    app.connections[0].access = { createOrdr: ['rep'], '*': ['sales'] };
    app.connections[1].connector = 'smtp@^2.0.0';
    app.workflows
      .find((w: { nodes?: Array<{ id: string }> }) => w.nodes?.some((n) => n.id === 'fx_sync'))
      .nodes.find((n: { id: string }) => n.id === 'fx_sync').config.operation = 'getCustomr';
    const r = validateDefinition(app, { connectors: (ref) => (ref === 'smtp@^2.0.0' ? undefined : installed(ref)) });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        { pointer: '/connections/0/config/baseUrl', message: expect.stringContaining('uri') },
        { pointer: '/connections/0/config/region', message: 'must be one of "eu", "us"' },
        {
          pointer: '/connections/0/access/createOrdr',
          message: 'connection "erp" (http 1.4.0) has no operation "createOrdr" (did you mean "createOrder"?)',
        },
        { pointer: '/connections/0/access/*/0', message: expect.stringMatching(/^unknown role "sales"/) },
        {
          pointer: '/connections/1/connector',
          message: 'no installed connector satisfies "smtp@^2.0.0"; install it from the catalogue or import its OpenAPI document',
        },
        {
          pointer: expect.stringMatching(/^\/workflows\/\d+\/nodes\/\d+\/config\/operation$/),
          message: expect.stringContaining('has no operation "getCustomr" (did you mean "getCustomer"?)'),
        },
      ]),
    );
  });

  it('names a source record entity that does not exist and a map that does not parse', () => {
    const app = fullApp();
    const json = JSON.stringify(app);
    // The fixture's connector-bound card, wherever it sits in the page tree, and its pointer.
    const find = (node: unknown, at: string): [Record<string, unknown>, string] | undefined => {
      if (!node || typeof node !== 'object') return undefined;
      const source = (node as { source?: Record<string, unknown> }).source;
      if (source?.operation === 'listOrders') return [source, `${at}/source`];
      for (const [k, v] of Object.entries(node)) {
        const hit = find(v, `${at}/${k}`);
        if (hit) return hit;
      }
      return undefined;
    };
    const [source, at] = find(app.pages, '/pages')!;
    Object.assign(source, { record: 'contactt', map: { $expr: '$output[' } });
    const r = validateDefinition(app, { connectors: installed });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toEqual(
      expect.arrayContaining([
        { pointer: `${at}/record`, message: expect.stringMatching(/^unknown entity "contactt" \(did you mean "contact"\?\)/) },
        { pointer: `${at}/map/$expr`, message: expect.stringContaining('does not parse') },
      ]),
    );
    expect(JSON.stringify(fullApp())).toBe(json); // the fixture itself is untouched
  });
});
