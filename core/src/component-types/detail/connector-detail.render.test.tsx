/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import { createDemoDataPort, renderWithRenderer, testDefinition } from '@tessera/renderer/testing';
import { ComponentView, type OperationAnswer, type OperationRequest } from '@tessera/renderer/kit';

const getOrder = {
  title: 'Get an order',
  kind: 'get' as const,
  input: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
  output: {
    type: 'object',
    properties: { number: { type: 'string', title: 'Order number' }, total: { type: 'integer' }, createdAt: { type: 'string' } },
  },
};
const detail = {
  id: 'order',
  type: 'detail',
  source: { kind: 'connector', connection: 'shop', operation: 'getOrder', input: { id: ':id' } },
  props: { fields: [{ field: 'number' }, { field: 'total' }, { field: 'customer.email', label: 'Customer' }] },
};

it("shows one object from the customer's API with the route's id as input", async () => {
  const calls: Array<OperationRequest | undefined> = [];
  const call = async (_c: string, _o: string, request?: OperationRequest): Promise<OperationAnswer> => {
    calls.push(request);
    return {
      output: { number: 'SO-100007', total: 12500, customer: { email: 'ana@example.com' } },
      status: 200,
      pages: 1,
      durationMs: 2,
      warnings: [],
    };
  };
  const operations = { shop: { getOrder } };
  const port = createDemoDataPort(testDefinition, 1, { connectors: { operations, call } });
  renderWithRenderer(<ComponentView component={detail} />, { definition: testDefinition, port, operations, params: { id: 'ord_7' } });
  await screen.findByText('SO-100007');
  expect(calls).toEqual([{ input: { id: 'ord_7' } }]);
  expect(screen.getByText('Order number')).toBeTruthy();
  expect(screen.getByText('12,500')).toBeTruthy();
  await waitFor(() => expect(screen.getByText('ana@example.com')).toBeTruthy());
  expect(screen.getByText('Customer')).toBeTruthy();
});
