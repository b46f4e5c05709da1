/** GET /orders (by customer, status, and created since), GET /orders/{id}. */
import { byId, getOperation, listOperation, type Operation } from './operation';
import { ref } from './shop-schemas';
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
        { name: 'status', description: 'only orders in this status', schema: ref('OrderStatus') },
        {
          name: 'since',
          description: 'only orders created at or after this time (a date means its start, UTC)',
          schema: { type: 'string', anyOf: [{ format: 'date-time' }, { format: 'date' }] },
        },
      ],
      items: ({ query }) => {
        const since = query.since === undefined ? -Infinity : Date.parse(query.since as string);
        return data.orders.filter(
          (o) =>
            (query.customerId === undefined || o.customerId === query.customerId) &&
            (query.status === undefined || o.status === query.status) &&
            Date.parse(o.createdAt) >= since,
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
