/** GET /customers (by email, or a text search), GET /customers/{id}, GET /customers/{id}/orders. */
import { type Operation } from './operation';
import type { ShopData } from './shop-types';
export declare function customerRoutes(data: ShopData): Operation[];
