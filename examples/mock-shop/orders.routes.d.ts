/** GET /orders (by customer, status, and created since), GET /orders/{id}. */
import { type Operation } from './operation';
import type { ShopData } from './shop-types';
export declare function orderRoutes(data: ShopData): Operation[];
