import { type ShopCounts, type ShopData } from './shop-types';
export declare const DEFAULT_COUNTS: ShopCounts;
export declare const SHOP_CURRENCY = "EUR";
export declare function generateShopData(seed?: number, counts?: Partial<ShopCounts>): ShopData;
