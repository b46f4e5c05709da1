import { type Operation } from './operation';
import type { ShopData } from './shop-types';
/** Created tickets per server, by default: bounds the memory a client loop can take. */
export declare const MAX_NEW_TICKETS = 10000;
export declare function ticketRoutes(data: ShopData, maxNewTickets?: number): Operation[];
