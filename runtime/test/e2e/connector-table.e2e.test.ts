/**
 * Issue 17 in the end-user app: a page whose table is bound to the shop's `listOrders` (a
 * connector imported from the mock shop's OpenAPI document) shows the shop's orders to a member
 * whose role may call it — through the server, a page at a time, filtered by the API's own
 * parameters — and the shop's key never reaches the browser.
 */
import { startMockShop } from '../../../examples/mock-shop/server';
import { addMember, type TestMember } from '../helpers/members';
import { contactsApp, startTestServer } from '../helpers/tessera';
import { openBrowser, requireClientBuild, tableRows, unexpectedErrors, type Browser, type TestServer } from './app';

const APP = 'shop-desk';
const KEY = 'shop-e2e-key-4a7c';
let t: TestServer;
let shop: Awaited<ReturnType<typeof startMockShop>>;
let b: Browser;
let sales: TestMember;

beforeAll(async () => {
  requireClientBuild();
  shop = await startMockShop({ apiKey: KEY, seed: 5, counts: { customers: 30, orders: 60 } });
  t = await startTestServer({ outboundAllow: '127.0.0.1' });
  expect((await t.api('POST', '/api/connectors/import', { url: `${shop.url}/openapi.json`, name: 'shop' })).status).toBe(201);
  const app = {
    ...contactsApp(APP),
    name: 'Shop desk',
    roles: [{ id: 'sales', label: 'Sales' }],
    connections: [
      {
        id: 'shop',
        label: 'Online shop',
        connector: 'shop@^1.0.0',
        config: { baseUrl: shop.url },
        credential: 'shopKey',
        access: { listOrders: ['sales'] },
      },
    ],
    pages: [
      {
        id: 'orders',
        title: 'Shop orders',
        route: '/orders',
        components: [
          {
            id: 'ordersTable',
            type: 'table',
            props: {
              title: 'Orders in the shop',
              columns: [
                { field: 'number', label: 'Order' },
                { field: 'status' },
                { field: 'total' },
                { field: 'createdAt', label: 'Placed' },
              ],
              pageSize: 10,
            },
            source: { kind: 'connector', connection: 'shop', operation: 'listOrders' },
          },
        ],
      },
    ],
    navigation: [{ label: 'Shop orders', page: 'orders' }],
  };
  expect((await t.api('POST', '/api/apps', app)).status).toBe(201);
  const published = await t.api('POST', `/api/apps/${APP}/publish`, {});
  expect([published.status, published.body.errors]).toEqual([201, undefined]);
  expect((await t.api('PUT', `/api/apps/${APP}/credentials/shopKey`, { type: 'apiKey', key: KEY })).status).toBe(201);
  sales = await addMember(t, APP, { email: 'sales@shop.test', roles: ['sales'] });
  b = await openBrowser({ width: 1440, height: 900 });
}, 90_000);
afterAll(async () => {
  await b?.close();
  await t?.close();
  await shop?.close();
});

it("shows the shop's orders a page at a time, filtered by the API's parameters, without the key", async () => {
  const { page } = b;
  const bodies: string[] = [];
  let calls = 0;
  page.on('response', async (r) => {
    if (r.url().includes('/operations/')) calls++;
    if (r.url().includes('/api/')) bodies.push(await r.text().catch(() => ''));
  });
  await page.goto(`${t.url}/apps/${APP}/orders`);
  await page.getByLabel('Email').fill(sales.email);
  await page.getByLabel('Password').fill('member password 1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Orders in the shop').waitFor();
  b.errors.length = 0; // the signed-out first load's 401 is how the sign-in page appears
  await tableRows(page).first().waitFor();
  expect(await tableRows(page).count()).toBe(10);
  expect(await page.locator('.ant-table-thead th').allInnerTexts()).toEqual(['Order', 'Status', 'Total', 'Placed']);
  const first = await tableRows(page).first().innerText();
  await page.waitForTimeout(500);
  expect(calls).toBe(1); // one call for the first page, no refetch loop
  expect(await page.getByRole('searchbox', { name: 'Filter by Limit' }).count()).toBe(0); // paging parameters are not filters
  await b.screenshot('connector-table-1440');

  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForFunction(
    (before) => document.querySelector('.ant-table-tbody > tr.ant-table-row')?.textContent !== before,
    first.replace(/\t/g, ''),
  );
  expect(await tableRows(page).first().innerText()).not.toBe(first);

  const status = page.getByRole('combobox', { name: 'Filter by Status' });
  await status.click();
  await page.getByTitle('cancelled', { exact: true }).click();
  await page.waitForTimeout(300);
  await tableRows(page).first().waitFor();
  const statuses = await page.locator('.ant-table-tbody > tr.ant-table-row > td:nth-child(2)').allInnerTexts();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['cancelled']));
  await b.screenshot('connector-table-filtered');

  expect(bodies.join('\n')).not.toContain(KEY);
  expect(unexpectedErrors(b)).toEqual([]);
});
