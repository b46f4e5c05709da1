/** GET /orders (by customer, status, and created since), GET /orders/{id}. */
import { byId, getOperation, listOperation, type Operation } from './operation';
import { ref } from './shop-schemas';
import { ShopError } from './shop-error';
import type { ShopData } from './shop-types';

export function orderRoutes(data: ShopData): Operation[] {
  return [
    listOperation({
      path: '/orders',
      operationId: 'listOrders',
      summary: 'List orders (oldest first)',
      tag: 'orders',
      item: 'Order',
      filters: [
        { name: 'customerId', description: "only this customer's orders", schema: { type: 'string', minLength: 1, maxLength: 64 } },
        // A CRM knows its contacts by email, not by the shop's ids: "this contact's orders" in one call.
        {
          name: 'email',
          description: 'only the orders of the customer with this email (any case)',
          schema: { type: 'string', minLength: 3, maxLength: 320 },
        },
        { name: 'status', description: 'only orders in this status', schema: ref('OrderStatus') },
        {
          name: 'since',
          description: 'only orders created at or after this time (a date means its start, UTC)',
          schema: { type: 'string', anyOf: [{ format: 'date-time' }, { format: 'date' }] },
        },
      ],
      items: ({ query }) => {
        const { status } = query;
        let customerId = query.customerId;
        if (query.email !== undefined) {
          const email = String(query.email).toLowerCase();
          const customer = data.customers.find((c) => c.email.toLowerCase() === email);
          if (!customer || (customerId !== undefined && customerId !== customer.id)) return [];
          customerId = customer.id;
        }
        if (customerId === undefined && status === undefined && query.since === undefined) return data.orders;
        // Stored times are all `toISOString()` (UTC, Z), so comparing the text compares the times.
        const time = query.since === undefined ? -Infinity : Date.parse(query.since as string);
        // The format allows a leap second (23:59:60), which Date does not.
        if (Number.isNaN(time))
          throw new ShopError(400, 'bad_request', 'invalid query parameters', [{ pointer: '/query/since', message: 'is not a time' }]);
        const since = query.since === undefined ? '' : new Date(time).toISOString();
        return data.orders.filter(
          (o) =>
            (customerId === undefined || o.customerId === customerId) &&
            (status === undefined || o.status === status) &&
            o.createdAt >= since,
        );
      },
    }),
    getOperation({
      path: '/orders/{id}',
      operationId: 'getOrder',
      summary: 'Get an order',
      tag: 'orders',
      item: 'Order',
      find: byId(data.orders),
    }),
  ];
}
