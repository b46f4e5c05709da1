/** GET /article-reads: which customer read which blog article when (oldest first). */
import { type Operation } from './operation';
import type { ShopData } from './shop-types';
export declare function articleReadRoutes(data: ShopData): Operation[];
