/** GET /customers (by email, or a text search), GET /customers/{id}, GET /customers/{id}/orders. */
import { byId, getOperation, listOperation, type Operation } from './operation';
import { ShopError } from './shop-error';
import type { Customer, ShopData } from './shop-types';

const matches = (c: Customer, q: string) =>
  [c.email, `${c.firstName} ${c.lastName}`, c.company ?? ''].some((text) => text.toLowerCase().includes(q));

export function customerRoutes(data: ShopData): Operation[] {
  const customer = byId(data.customers);
  return [
    listOperation({
      path: '/customers',
      operationId: 'listCustomers',
      summary: 'List customers',
      tag: 'customers',
      item: 'Customer',
      filters: [
        { name: 'email', description: 'exact email, any letter case', schema: { type: 'string', minLength: 1, maxLength: 320 } },
        {
          name: 'q',
          description: 'text in the email, name or company, any letter case',
          schema: { type: 'string', minLength: 1, maxLength: 100 },
        },
      ],
      items: ({ query }) => {
        const email = (query.email as string | undefined)?.toLowerCase();
        const q = (query.q as string | undefined)?.toLowerCase();
        return data.customers.filter((c) => (email === undefined || c.email.toLowerCase() === email) && (q === undefined || matches(c, q)));
      },
    }),
    getOperation({
      path: '/customers/{id}',
      operationId: 'getCustomer',
      summary: 'Get a customer',
      tag: 'customers',
      item: 'Customer',
      find: customer,
    }),
    listOperation({
      path: '/customers/{id}/orders',
      operationId: 'listCustomerOrders',
      summary: "List a customer's orders",
      tag: 'customers',
      item: 'Order',
      errors: [400, 404],
      items: ({ path }) => {
        if (!customer(path.id)) throw new ShopError(404, 'not_found', `no Customer ${path.id}`);
        return data.orders.filter((o) => o.customerId === path.id);
      },
    }),
  ];
}
