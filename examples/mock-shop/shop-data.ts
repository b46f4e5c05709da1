/**
 * The shop's seeded data: deterministic for a seed and counts (a seeded PRNG, dates relative to a
 * fixed epoch), so tests and benchmarks can rely on it. About three quarters of the B2B Sales
 * example's demo contacts are also shop customers under the same email, so a CRM contact page
 * can show "this contact's orders in the shop"; the CRM's contacts come from its own generator
 * with its default seed (what the runtime loads), whatever the shop's seed.
 */
import { generateDemoData } from '../b2b-sales/demo-data';
import { asciiSlug, FIRST_NAMES, LAST_NAMES } from '../b2b-sales/demo-names';
import { createRandom, type Random } from '../b2b-sales/seeded-random';
import { ARTICLES, CONSUMER_DOMAINS, COUNTRIES, PRODUCT_ADJECTIVES, PRODUCT_CATEGORIES, TICKET_SUBJECTS } from './shop-words';
import {
  type ArticleRead,
  type Channel,
  type Customer,
  type Order,
  type OrderLine,
  type OrderStatus,
  type Product,
  type ShopCounts,
  type ShopData,
  type Ticket,
} from './shop-types';

export const DEFAULT_COUNTS: ShopCounts = { products: 200, customers: 500, orders: 3000, articleReads: 5000, tickets: 40 };
export const SHOP_CURRENCY = 'EUR';
/** Enough for benchmarks, small enough that a typo cannot fill the memory. */
const MAX_COUNT = 1_000_000;

/** The shop opened two years before "today" (the same 2026-01-01 as the B2B demo). */
const EPOCH = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const OPENED = EPOCH - 730 * DAY;

const id = (prefix: string, n: number, width: number) => `${prefix}_${String(n + 1).padStart(width, '0')}`;
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
const between = (rnd: Random, from: number, to: number) => from + rnd.next() * (to - from);

function products(rnd: Random, n: number): Product[] {
  const categories = Object.keys(PRODUCT_CATEGORIES);
  return Array.from({ length: n }, (_, i) => {
    const category = categories[i % categories.length];
    return {
      id: id('prod', i, 4),
      sku: `SKU-${String(i + 1).padStart(5, '0')}`,
      name: `${rnd.pick(PRODUCT_ADJECTIVES)} ${rnd.pick(PRODUCT_CATEGORIES[category])}`,
      category,
      price: rnd.int(3, 250) * 100 - 1,
      currency: SHOP_CURRENCY,
      stock: rnd.chance(0.1) ? 0 : rnd.int(1, 400),
      active: rnd.chance(0.92),
      createdAt: iso(between(rnd, OPENED - 90 * DAY, EPOCH - 30 * DAY)),
    };
  });
}

type Identity = Pick<Customer, 'email' | 'firstName' | 'lastName' | 'company' | 'country'>;

/** The B2B demo contacts that shop at the store too: about three in four, chosen by the shop's seed. */
function crmIdentities(rnd: Random): Identity[] {
  const crm = generateDemoData();
  const companies = new Map(crm.company.map((c) => [c.id, c]));
  return crm.contact
    .filter(() => rnd.chance(0.75))
    .map((c) => {
      const company = companies.get(c.company as string)!;
      return {
        email: c.email as string,
        firstName: c.firstName as string,
        lastName: c.lastName as string,
        company: company.name as string,
        country: (company.address as { country: string }).country,
      };
    });
}

function customers(rnd: Random, n: number): Customer[] {
  const identities = crmIdentities(rnd).slice(0, n);
  const emails = new Set(identities.map((c) => c.email));
  while (identities.length < n) {
    const firstName = rnd.pick(FIRST_NAMES);
    const lastName = rnd.pick(LAST_NAMES);
    const local = `${asciiSlug(firstName)}.${asciiSlug(lastName)}`;
    const domain = rnd.pick(CONSUMER_DOMAINS);
    let email = `${local}@${domain}`;
    for (let k = 2; emails.has(email); k++) email = `${local}${k}@${domain}`;
    emails.add(email);
    identities.push({ email, firstName, lastName, company: null, country: rnd.pick(COUNTRIES) });
  }
  // Spread the CRM's contacts among the others, and sign-up dates over the shop's first 700 days.
  return rnd.sample(identities, n).map((who, i) => ({
    id: id('cus', i, 4),
    ...who,
    channel: rnd.weighted<Channel>([
      ['organic_search', 5],
      ['paid_search', 4],
      ['social', 3],
      ['email', 1],
      ['referral', 2],
      ['direct', 3],
      ['marketplace', 2],
    ]),
    marketingOptIn: rnd.chance(0.6),
    createdAt: iso(between(rnd, OPENED, OPENED + 700 * DAY)),
  }));
}

function status(rnd: Random, ageDays: number): OrderStatus {
  if (ageDays < 2)
    return rnd.weighted<OrderStatus>([
      ['pending', 1],
      ['paid', 2],
    ]);
  if (ageDays < 7)
    return rnd.weighted<OrderStatus>([
      ['paid', 1],
      ['shipped', 3],
      ['cancelled', 0.2],
    ]);
  return rnd.weighted<OrderStatus>([
    ['delivered', 20],
    ['cancelled', 1],
    ['refunded', 1],
  ]);
}

function lines(rnd: Random, catalogue: Product[]): OrderLine[] {
  const picked = rnd.sample(
    catalogue,
    Math.min(
      catalogue.length,
      rnd.weighted([
        [1, 5],
        [2, 3],
        [3, 2],
        [4, 1],
      ]),
    ),
  );
  return picked.map((p) => {
    const quantity = rnd.weighted([
      [1, 6],
      [2, 3],
      [3, 1],
    ]);
    return { productId: p.id, sku: p.sku, name: p.name, quantity, unitPrice: p.price, total: p.price * quantity };
  });
}

const repeatChannel = (rnd: Random) =>
  rnd.weighted<Channel>([
    ['email', 4],
    ['direct', 4],
    ['organic_search', 2],
    ['social', 1],
    ['paid_search', 1],
    ['marketplace', 1],
  ]);

/**
 * Orders by skewed customer loyalty (a few buy often, many once or never), each after its
 * customer signed up; ids in date order. A customer's first order keeps their acquisition
 * channel; repeat orders come back mostly through email and direct visits.
 */
function orders(rnd: Random, n: number, customerList: Customer[], catalogue: Product[]): Order[] {
  if (n > 0 && (customerList.length === 0 || catalogue.length === 0)) throw new RangeError('orders need customers and products');
  // The CRM's contacts (business buyers) all order now and then, so their CRM pages have orders to show.
  const weights = customerList.map((c) => (c.company ? 0.15 + 0.5 * rnd.next() : rnd.next() ** 3));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative[cumulative.length - 1] ?? 0;
  const drawCustomer = () => {
    const r = rnd.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return customerList[lo];
  };
  const drafts = Array.from({ length: n }, () => {
    const customer = drawCustomer();
    const at = between(rnd, Date.parse(customer.createdAt), EPOCH);
    const orderLines = lines(rnd, catalogue);
    const subtotal = orderLines.reduce((sum, l) => sum + l.total, 0);
    const shipping = subtotal >= 5000 ? 0 : 490;
    return { customer, at, orderLines, subtotal, shipping, status: status(rnd, (EPOCH - at) / DAY), repeatChannel: repeatChannel(rnd) };
  });
  drafts.sort((a, b) => a.at - b.at);
  const ordered = new Set<string>();
  return drafts.map((d, i) => {
    const first = !ordered.has(d.customer.id);
    ordered.add(d.customer.id);
    return {
      id: id('ord', i, 5),
      number: `SO-${100001 + i}`,
      customerId: d.customer.id,
      status: d.status,
      channel: first ? d.customer.channel : d.repeatChannel,
      currency: SHOP_CURRENCY,
      lines: d.orderLines,
      subtotal: d.subtotal,
      shipping: d.shipping,
      total: d.subtotal + d.shipping,
      createdAt: iso(d.at),
    };
  });
}

function articleReads(rnd: Random, n: number, customerList: Customer[]): ArticleRead[] {
  if (n > 0 && customerList.length === 0) throw new RangeError('article reads need customers');
  const reads = Array.from({ length: n }, () => {
    const customer = rnd.pick(customerList);
    const article = rnd.pick(ARTICLES);
    return {
      customerId: customer.id,
      articleId: article.id,
      title: article.title,
      at: between(rnd, Date.parse(customer.createdAt), EPOCH),
    };
  }).sort((a, b) => a.at - b.at);
  return reads.map(({ at, ...r }, i) => ({ id: id('read', i, 5), ...r, readAt: iso(at) }));
}

function tickets(rnd: Random, n: number, orderList: Order[]): Ticket[] {
  if (n > 0 && orderList.length === 0) throw new RangeError('seeded tickets need orders');
  const drafts = Array.from({ length: n }, () => {
    const order = rnd.pick(orderList);
    const at = between(rnd, Date.parse(order.createdAt), Math.min(EPOCH, Date.parse(order.createdAt) + 30 * DAY));
    return {
      order,
      at,
      subject: rnd.pick(TICKET_SUBJECTS),
      priority: rnd.weighted([
        ['low', 2],
        ['normal', 5],
        ['high', 2],
        ['urgent', 1],
      ] as const),
    };
  }).sort((a, b) => a.at - b.at);
  return drafts.map((d, i) => ({
    id: id('tkt', i, 5),
    customerId: d.order.customerId,
    orderId: d.order.id,
    subject: d.subject,
    body: `${d.subject} (order ${d.order.number})`,
    priority: d.priority,
    status: (EPOCH - d.at) / DAY > 14 ? 'solved' : rnd.pick(['open', 'pending'] as const),
    createdAt: iso(d.at),
  }));
}

function checkCounts(counts: ShopCounts): void {
  for (const name of Object.keys(counts))
    if (!(name in DEFAULT_COUNTS))
      throw new RangeError(`unknown count ${JSON.stringify(name)}: counts are ${Object.keys(DEFAULT_COUNTS).join(', ')}`);
  for (const [name, n] of Object.entries(counts))
    if (!Number.isInteger(n) || n < 0 || n > MAX_COUNT) throw new RangeError(`counts.${name} must be an integer from 0 to ${MAX_COUNT}`);
}

export function generateShopData(seed = 1, counts: Partial<ShopCounts> = {}): ShopData {
  const n = { ...DEFAULT_COUNTS, ...counts };
  checkCounts(n);
  const rnd = createRandom(seed);
  const productList = products(rnd, n.products);
  const customerList = customers(rnd, n.customers);
  const orderList = orders(rnd, n.orders, customerList, productList);
  return {
    products: productList,
    customers: customerList,
    orders: orderList,
    articleReads: articleReads(rnd, n.articleReads, customerList),
    tickets: tickets(rnd, n.tickets, orderList),
  };
}
