/** A small hand-written manifest of the mock shop (examples/mock-shop), for the API tests. */
export const shopManifest = (version = '1.0.0') => ({
  name: 'mock-shop',
  version,
  title: 'Mock shop',
  auth: [{ type: 'apiKey', in: 'header', name: 'X-Api-Key' }],
  config: { type: 'object', properties: { baseUrl: { type: 'string', format: 'uri' } }, required: ['baseUrl'] },
  operations: [
    {
      id: 'listOrders',
      title: 'List orders',
      kind: 'list',
      input: { type: 'object', properties: { customerId: { type: 'string' }, status: { type: 'string' } } },
      output: {
        type: 'array',
        items: { type: 'object', properties: { id: { type: 'string' }, total: { type: 'integer' } }, required: ['id'] },
      },
      http: {
        method: 'GET',
        path: '/orders',
        query: { customerId: { $expr: '$input.customerId' }, status: { $expr: '$input.status' } },
        records: { $expr: '$response.body.data' },
        pagination: {
          type: 'cursor',
          cursorParam: 'cursor',
          limitParam: 'limit',
          pageSize: 100,
          cursor: { $expr: '$response.body.next_cursor' },
        },
      },
    },
    {
      id: 'createTicket',
      title: 'Create a ticket',
      kind: 'create',
      input: {
        type: 'object',
        properties: { customerId: { type: 'string' }, subject: { type: 'string' }, body: { type: 'string' } },
        required: ['customerId', 'subject'],
      },
      output: { type: 'object' },
      http: { method: 'POST', path: '/tickets', body: { $expr: '$input' } },
    },
  ],
});
