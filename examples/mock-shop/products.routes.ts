/** GET /products, GET /products/{id}. */
import { byId, getOperation, listOperation, type Operation } from './operation';
import type { ShopData } from './shop-types';

export function productRoutes(data: ShopData): Operation[] {
  return [
    listOperation({
      path: '/products',
      operationId: 'listProducts',
      summary: 'List products',
      tag: 'products',
      item: 'Product',
      items: () => data.products,
    }),
    getOperation({
      path: '/products/{id}',
      operationId: 'getProduct',
      summary: 'Get a product',
      tag: 'products',
      item: 'Product',
      find: byId(data.products),
    }),
  ];
}
