import { describe, expect, it } from '@jest/globals';
import { generateDemoData } from '../b2b-sales/demo-data';
import { DEFAULT_COUNTS, generateShopData } from './shop-data';

describe('mock shop seeded data', () => {
  const data = generateShopData();

  it('is deterministic for a seed, differs between seeds, and has the default counts', () => {
    expect(generateShopData(1)).toEqual(data);
    expect(generateShopData(2)).not.toEqual(data);
    const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length]));
    expect(counts).toEqual(DEFAULT_COUNTS);
    expect(DEFAULT_COUNTS).toEqual({ products: 200, customers: 500, orders: 3000, articleReads: 5000, tickets: 40 });
  });

  it('takes other counts, and refuses counts that are not whole numbers in range', () => {
    const small = generateShopData(3, { customers: 20, orders: 10, articleReads: 0, tickets: 2 });
    expect([small.products.length, small.customers.length, small.orders.length, small.articleReads.length]).toEqual([200, 20, 10, 0]);
    expect(() => generateShopData(1, { orders: 1.5 })).toThrow(/counts.orders/);
    expect(() => generateShopData(1, { customers: 2_000_000 })).toThrow(/counts.customers/);
    expect(() => generateShopData(1, { customers: 0 })).toThrow(/need customers/);
    expect(() => generateShopData(1, { order: 5 } as never)).toThrow(/unknown count "order"/);
  });

  it('gives most of the B2B demo contacts a shop account under the same email, with orders', () => {
    const contacts = generateDemoData().contact;
    for (const seed of [1, 2, 3]) {
      const { customers, orders } = generateShopData(seed);
      const byEmail = new Map(customers.map((c) => [c.email, c]));
      const shared = contacts.filter((c) => byEmail.has(c.email as string));
      expect(shared.length).toBeGreaterThanOrEqual(contacts.length * 0.6);
      expect(shared.length).toBeLessThan(contacts.length); // some CRM contacts never bought: a page must cope
      for (const c of shared) expect(byEmail.get(c.email as string)).toMatchObject({ firstName: c.firstName, lastName: c.lastName });
      const buyers = new Set(orders.map((o) => o.customerId));
      const sharedBuyers = shared.filter((c) => buyers.has(byEmail.get(c.email as string)!.id));
      expect(sharedBuyers.length).toBeGreaterThanOrEqual(shared.length * 0.8);
    }
    expect(new Set(data.customers.map((c) => c.email)).size).toBe(data.customers.length);
  });

  it('has orders fit for revenue and retention analytics: exact totals, after sign-up, repeat buyers, channels', () => {
    const customers = new Map(data.customers.map((c) => [c.id, c]));
    const products = new Map(data.products.map((p) => [p.id, p]));
    for (const o of data.orders) {
      expect(o.subtotal).toBe(o.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0));
      expect(o.total).toBe(o.subtotal + o.shipping);
      for (const l of o.lines) expect(products.get(l.productId)?.price).toBe(l.unitPrice);
      expect(o.createdAt >= customers.get(o.customerId)!.createdAt).toBe(true);
    }
    expect(data.orders.map((o) => o.createdAt)).toEqual(data.orders.map((o) => o.createdAt).sort());
    const perCustomer = new Map<string, number>();
    for (const o of data.orders) perCustomer.set(o.customerId, (perCustomer.get(o.customerId) ?? 0) + 1);
    expect([...perCustomer.values()].filter((n) => n >= 2).length).toBeGreaterThan(100);
    expect([...perCustomer.values()].filter((n) => n === 1).length).toBeGreaterThan(10);
    // A customer's first order keeps their acquisition channel.
    const firsts = new Map<string, string>();
    for (const o of data.orders) if (!firsts.has(o.customerId)) firsts.set(o.customerId, o.channel);
    for (const [id, channel] of firsts) expect(channel).toBe(customers.get(id)!.channel);
    expect(new Set(data.orders.map((o) => o.status)).size).toBe(6);
    expect(new Set(data.customers.map((c) => c.channel)).size).toBe(7);
  });
});
