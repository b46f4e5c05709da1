import type { ShopCounts } from './shop-types';
export interface MockShopOptions {
    /** 0 (the default) picks a free port. */
    port?: number;
    host?: string;
    /** Generated when not given; the returned `apiKey` is the one to send. */
    apiKey?: string;
    seed?: number;
    counts?: Partial<ShopCounts>;
    /** How many tickets POST /tickets may create before answering 507 (default 10,000). */
    maxNewTickets?: number;
}
export interface MockShop {
    url: string;
    apiKey: string;
    close(): Promise<void>;
}
export declare function startMockShop(options?: MockShopOptions): Promise<MockShop>;
