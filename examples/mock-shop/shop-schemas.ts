/**
 * The JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of what the shop serves and accepts: the
 * `components.schemas` of its OpenAPI document. The server validates ticket bodies with
 * `TicketInput` from here, and the tests validate every response against these, so the document
 * cannot drift from what is served.
 */
import type { JsonSchema } from '@tessera/core';
import { CHANNELS, ORDER_STATUSES, TICKET_PRIORITIES, TICKET_STATUSES } from './shop-types';

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

const id = (prefix: string): JsonSchema => ({ type: 'string', pattern: `^${prefix}_[0-9]+$` });
const minor = (description: string): JsonSchema => ({
  type: 'integer',
  minimum: 0,
  description: `${description}, in minor units (cents) of the currency`,
});
const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
const object = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

/** A list answer: one page of `item`s and the cursor of the next (null on the last). */
const pageOf = (item: string): JsonSchema =>
  object({ data: { type: 'array', items: ref(item) }, next_cursor: { type: ['string', 'null'] } }, `a page of ${item} records`);

/** The name of the schema of a page of `item`s (`Order` -> `OrderPage`). */
export const pageSchema = (item: string): string => `${item}Page`;

export const schemas: Record<string, JsonSchema> = {
  Currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' },
  Channel: { type: 'string', enum: [...CHANNELS], description: 'marketing channel a customer or order came through' },
  OrderStatus: { type: 'string', enum: [...ORDER_STATUSES] },
  Product: object({
    id: id('prod'),
    sku: { type: 'string' },
    name: { type: 'string' },
    category: { type: 'string' },
    price: minor('unit price'),
    currency: ref('Currency'),
    stock: { type: 'integer', minimum: 0 },
    active: { type: 'boolean' },
    createdAt: dateTime,
  }),
  Customer: object({
    id: id('cus'),
    email: { type: 'string', format: 'email' },
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    company: { type: ['string', 'null'] },
    country: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' },
    channel: { ...ref('Channel'), description: 'acquisition channel: how the customer first came to the shop' },
    marketingOptIn: { type: 'boolean' },
    createdAt: { ...dateTime, description: 'sign-up time' },
  }),
  OrderLine: object({
    productId: id('prod'),
    sku: { type: 'string' },
    name: { type: 'string' },
    quantity: { type: 'integer', minimum: 1 },
    unitPrice: minor('unit price'),
    total: minor('quantity × unit price'),
  }),
  Order: object({
    id: id('ord'),
    number: { type: 'string' },
    customerId: id('cus'),
    status: ref('OrderStatus'),
    channel: { ...ref('Channel'), description: "the customer's acquisition channel on a first order, the returning visit's otherwise" },
    currency: ref('Currency'),
    lines: { type: 'array', minItems: 1, items: ref('OrderLine') },
    subtotal: minor('sum of the lines'),
    shipping: minor('shipping'),
    total: minor('subtotal + shipping'),
    createdAt: dateTime,
  }),
  ArticleRead: object(
    { id: id('read'), articleId: id('art'), title: { type: 'string' }, customerId: id('cus'), readAt: dateTime },
    'a customer read an article of the shop blog',
  ),
  Ticket: object({
    id: id('tkt'),
    customerId: id('cus'),
    orderId: { anyOf: [id('ord'), { type: 'null' }] },
    subject: { type: 'string' },
    body: { type: 'string' },
    priority: { type: 'string', enum: [...TICKET_PRIORITIES] },
    status: { type: 'string', enum: [...TICKET_STATUSES] },
    createdAt: dateTime,
  }),
  TicketInput: {
    type: 'object',
    description: 'a new support ticket; the customer (and the order, if given, of that customer) must exist',
    properties: {
      customerId: id('cus'),
      orderId: id('ord'),
      subject: { type: 'string', minLength: 1, maxLength: 200 },
      body: { type: 'string', minLength: 1, maxLength: 5000 },
      priority: { type: 'string', enum: [...TICKET_PRIORITIES], default: 'normal' },
    },
    required: ['customerId', 'subject', 'body'],
    additionalProperties: false,
  },
  ...Object.fromEntries(['Product', 'Customer', 'Order', 'ArticleRead', 'Ticket'].map((item) => [pageSchema(item), pageOf(item)])),
  Health: object({ status: { const: 'ok' } }),
  Error: object({
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        problems: {
          type: 'array',
          items: object({
            pointer: { type: 'string', description: 'JSON pointer into the request: /body/..., /query/name' },
            message: { type: 'string' },
          }),
        },
      },
      required: ['code', 'message'],
      additionalProperties: false,
    },
  }),
};
