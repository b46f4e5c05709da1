/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { createDemoDataPort, renderWithRenderer, testDefinition } from '@tessera/renderer/testing';
import { ApiError, ComponentView, type OperationAnswer, type OperationRequest } from '@tessera/renderer/kit';

const ORDERS = Array.from({ length: 12 }, (_, i) => ({
  id: `ord_${i + 1}`,
  total: (i + 1) * 1000,
  status: i % 2 ? 'paid' : 'shipped',
  createdAt: '2026-03-0' + ((i % 9) + 1) + 'T10:00:00Z',
}));
const listOrders = {
  title: 'List orders',
  kind: 'list' as const,
  paged: true,
  input: { type: 'object', properties: { status: { type: 'string', enum: ['paid', 'shipped'] }, customerId: { type: 'string' } } },
  output: { type: 'array', items: { type: 'object', properties: { id: { type: 'string', title: 'Order' }, total: { type: 'integer' } } } },
};
const table = {
  id: 'orders',
  type: 'table',
  source: { kind: 'connector', connection: 'shop', operation: 'listOrders', input: { customerId: ':id' } },
  props: { columns: [{ field: 'id' }, { field: 'total' }, { field: 'status', label: 'State' }], pageSize: 10 },
};

function setup(fail?: ApiError) {
  const calls: Array<{ connection: string; operation: string; request?: OperationRequest }> = [];
  const call = async (connection: string, operation: string, request?: OperationRequest): Promise<OperationAnswer> => {
    calls.push({ connection, operation, request });
    if (fail) throw fail;
    const matching = ORDERS.filter((o) => !request?.input?.status || o.status === request.input.status);
    const start = Number(request?.page?.cursor ?? 0);
    const size = request?.page?.size ?? 10;
    const next = start + size < matching.length ? String(start + size) : undefined;
    return {
      output: matching.slice(start, start + size),
      status: 200,
      pages: 1,
      durationMs: 3,
      warnings: [],
      ...(next ? { nextCursor: next } : {}),
    };
  };
  const operations = { shop: { listOrders } };
  const port = createDemoDataPort(testDefinition, 1, { connectors: { operations, call } });
  renderWithRenderer(<ComponentView component={table} />, { definition: testDefinition, port, operations, params: { id: 'cus_7' } });
  const rows = () => document.querySelectorAll('tbody tr.ant-table-row');
  return { calls, rows };
}

describe('a table bound to a connector list operation', () => {
  it("shows the API's records a page at a time, with the route's record as input", async () => {
    const { calls, rows } = setup();
    await waitFor(() => expect(rows()).toHaveLength(10));
    expect(calls[0]).toEqual({
      connection: 'shop',
      operation: 'listOrders',
      request: { input: { customerId: 'cus_7' }, page: { size: 10 } },
    });
    expect([...document.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Order', 'Total', 'State']);
    expect(screen.getByText('1,000')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Next' })));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(calls.at(-1)!.request!.page).toEqual({ size: 10, cursor: '10' });
    expect(screen.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', true);
  });

  it("offers the operation's open parameters as filters and starts again at page 1", async () => {
    const { calls, rows } = setup();
    await waitFor(() => expect(rows()).toHaveLength(10));
    expect(screen.queryByLabelText('Filter by Customer Id')).toBeNull(); // set by the binding
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Filter by Status' }));
    await act(async () => fireEvent.click(await screen.findByTitle('paid')));
    await waitFor(() => expect(rows()).toHaveLength(6));
    expect(calls.at(-1)!.request).toEqual({ input: { customerId: 'cus_7', status: 'paid' }, page: { size: 10 } });
  });

  it('is not shown, and calls nothing, for a role that may not call the operation', async () => {
    const calls: unknown[] = [];
    const port = createDemoDataPort(testDefinition, 1, {
      connectors: { operations: {}, call: async (...a) => (calls.push(a), Promise.reject(new Error('no'))) },
    });
    renderWithRenderer(<ComponentView component={table} />, { definition: testDefinition, port, operations: {}, params: { id: 'cus_7' } });
    await screen.findByText('Not available for your role');
    expect(calls).toEqual([]);
  });

  it('says what the remote API answered when it fails, and offers to try again', async () => {
    setup(new ApiError(502, 'Remote API error', 'Shop answered 503: {"error":"maintenance"}'));
    await screen.findByText('Shop answered 503: {"error":"maintenance"}');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
