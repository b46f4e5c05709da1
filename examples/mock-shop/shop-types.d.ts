/**
 * The shapes the mock shop serves. Amounts are integers in minor units (cents) of `currency`, so
 * sums are exact; every record that analytics group by time carries an ISO date-time, and
 * customers and orders carry the channel they came through (acquisition / attribution).
 * The JSON Schemas of the same shapes are in shop-schemas.ts; the tests validate every response
 * against them, which keeps the two in step.
 */
export declare const ORDER_STATUSES: readonly ["pending", "paid", "shipped", "delivered", "cancelled", "refunded"];
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export declare const CHANNELS: readonly ["organic_search", "paid_search", "social", "email", "referral", "direct", "marketplace"];
export type Channel = (typeof CHANNELS)[number];
export declare const TICKET_PRIORITIES: readonly ["low", "normal", "high", "urgent"];
export declare const TICKET_STATUSES: readonly ["open", "pending", "solved"];
export interface Product {
    id: string;
    sku: string;
    name: string;
    category: string;
    price: number;
    currency: string;
    stock: number;
    active: boolean;
    createdAt: string;
}
export interface Customer {
    id: string;
    email: string;
    firstName: string;
    lastName: string;
    company: string | null;
    country: string;
    channel: Channel;
    marketingOptIn: boolean;
    createdAt: string;
}
export interface OrderLine {
    productId: string;
    sku: string;
    name: string;
    quantity: number;
    unitPrice: number;
    total: number;
}
export interface Order {
    id: string;
    number: string;
    customerId: string;
    status: OrderStatus;
    channel: Channel;
    currency: string;
    lines: OrderLine[];
    subtotal: number;
    shipping: number;
    total: number;
    createdAt: string;
}
export interface ArticleRead {
    id: string;
    articleId: string;
    title: string;
    customerId: string;
    readAt: string;
}
export interface Ticket {
    id: string;
    customerId: string;
    orderId: string | null;
    subject: string;
    body: string;
    priority: (typeof TICKET_PRIORITIES)[number];
    status: (typeof TICKET_STATUSES)[number];
    createdAt: string;
}
export interface ShopCounts {
    products: number;
    customers: number;
    orders: number;
    articleReads: number;
    tickets: number;
}
export interface ShopData {
    products: Product[];
    customers: Customer[];
    orders: Order[];
    articleReads: ArticleRead[];
    tickets: Ticket[];
}
