/** GET /products, GET /products/{id}. */
import { type Operation } from './operation';
import type { ShopData } from './shop-types';
export declare function productRoutes(data: ShopData): Operation[];
