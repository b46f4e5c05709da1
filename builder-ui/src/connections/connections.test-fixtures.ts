/** A connector catalogue entry and manifest (the mock shop's, abridged) and a draft using it, for the builder's connection tests. */
import type { ConnectorManifest } from '@tessera/core';
import type { Draft } from '../store/draft.types';
import { sampleDraft } from '../store/test-fixtures';
import type { ConnectorItem } from './connectors.api';

export const shopItem: ConnectorItem = {
  name: 'mock-shop',
  version: '1.0.0',
  title: 'Mock shop',
  source: 'openapi',
  integrity: 'sha256-x',
  operations: 3,
};

export const shopManifest = (): ConnectorManifest => ({
  name: 'mock-shop',
  version: '1.0.0',
  title: 'Mock shop',
  kind: 'declarative',
  triggers: [],
  auth: [{ type: 'apiKey', in: 'header', name: 'X-Api-Key' }],
  config: {
    type: 'object',
    properties: { baseUrl: { type: 'string', format: 'uri', description: 'Where the shop answers' } },
    required: ['baseUrl'],
  },
  groups: [{ id: 'orders', title: 'Orders' }],
  operations: [
    {
      id: 'listOrders',
      title: 'List orders',
      kind: 'list',
      group: 'orders',
      input: { type: 'object', properties: { customerId: { type: 'string' }, status: { type: 'string' } } },
      output: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, total: { type: 'integer' } } } },
      http: { method: 'GET', path: '/orders' },
    },
    {
      id: 'getOrder',
      title: 'Get an order',
      kind: 'get',
      group: 'orders',
      input: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      output: { type: 'object', properties: { id: { type: 'string' }, total: { type: 'integer' }, status: { type: 'string' } } },
      http: { method: 'GET', path: '/orders/{id}' },
    },
    {
      id: 'createTicket',
      title: 'Create a ticket',
      kind: 'create',
      input: { type: 'object', properties: { subject: { type: 'string' } } },
      output: { type: 'object' },
      http: { method: 'POST', path: '/tickets' },
    },
  ],
});

export function shopDraft(): Draft {
  return {
    ...sampleDraft(),
    roles: [
      { id: 'rep', label: 'Sales rep' },
      { id: 'service', label: 'Service' },
    ],
    connections: [{ id: 'shop', label: 'Shop', connector: 'mock-shop@^1.0.0', config: {} }],
  };
}
