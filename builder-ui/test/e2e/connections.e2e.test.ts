/**
 * The Connections screen end to end, in a real browser against a real Tessera and the mock shop
 * (examples/mock-shop) on loopback: the consultant imports the shop's OpenAPI document by URL,
 * adds a connection to the imported connector with the mouse, sets the base URL and the API key
 * (write-only: never shown back), gives a role access to an operation, tries `listOrders` and sees the shop's orders, the status
 * and the time, then the next page; a wrong key shows the shop's own error without the key.
 *
 * Needs `npm run build:builder`. Screenshots at 1,440 and 1,024 px go to
 * test-artifacts/screenshots/connections-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startMockShop, type MockShop } from '../../../examples/mock-shop/server';
import { openBrowser, type Browser } from '../../../runtime/test/e2e/browser';
import { contactsApp, startTestServer, type TestServer } from '../../../runtime/test/helpers/tessera';
import { expectText, savedDraft, signInToBuilder } from './builder-e2e.helpers';

const ROOT = path.resolve(__dirname, '../../..');
const APP = 'shop-crm';
const KEY = 'shop-key-e2e-5b7c1d';

let server: TestServer;
let shop: MockShop;
let browser: Browser;
let page: Page;

const snap = async (name: string) => {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await browser.screenshot(`connections-${name}-${width}`, page);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
};

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'builder-ui/dist/index.html')))
    throw new Error('builder-ui/dist missing: run `npm run build:builder` before the builder e2e tests');
  shop = await startMockShop({ apiKey: KEY, seed: 3, counts: { customers: 40, orders: 250 } });
  server = await startTestServer({ loadExamples: false, outboundAllow: '127.0.0.1' });
  const app = {
    ...contactsApp(APP),
    roles: [{ id: 'rep', label: 'Sales rep' }],
    pages: [
      {
        id: 'orders',
        title: 'Orders',
        route: '/orders',
        components: [
          { id: 'ordersTable', type: 'table', props: { columns: [{ field: 'lastName' }] }, source: { kind: 'entity', entity: 'contact' } },
        ],
      },
    ],
  };
  expect((await server.api('POST', '/api/apps', app)).status).toBe(201);
  browser = await openBrowser({ width: 1440, height: 900 });
  page = browser.page;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await shop?.close();
});

test('add a connection to the shop, set its base URL and key, try listOrders and page on', async () => {
  await signInToBuilder(page, server, `#/apps/${APP}`);
  await page.getByRole('menuitem', { name: /Connections/ }).click();
  await expectText(page, page.getByTestId('connections-designer'), 'No connection yet');

  // Add connection: import the shop's OpenAPI document by URL (the server fetches it); the new connector is picked.
  await page.getByRole('button', { name: 'Add connection' }).click();
  await page.getByTestId('connector-catalogue').waitFor();
  await page.getByRole('tab', { name: 'Import OpenAPI' }).click();
  const importer = page.getByTestId('import-openapi');
  await importer.waitFor();
  await importer.getByLabel('Document URL').fill(`${shop.url}/openapi.json`);
  await importer.getByLabel('Connector name').fill('mock-shop');
  await importer.getByRole('button', { name: 'Import' }).click();
  const form = page.getByTestId('new-connection');
  await expectText(page, form, 'Connector: Mock Shop API 1.0.0');
  expect(await form.getByLabel('Connection id').inputValue()).toBe('mockShop');
  expect(await form.getByLabel('Version range').inputValue()).toBe('^1.0.0');
  await snap('import');
  // It is in the catalogue now, beside the built-ins.
  await page.getByRole('tab', { name: 'Catalogue' }).click();
  await expectText(page, page.getByTestId('connector-catalogue'), 'mock-shop@1.0.0');
  await form.getByLabel('Connection id').fill('shop');
  await snap('add');
  await page.getByRole('button', { name: 'Add', exact: true }).click();

  // Settings: the config form from the manifest, then the key (a password input, never shown back).
  const settings = page.getByTestId('connection-settings');
  await settings.getByLabel('baseUrl').fill(shop.url);
  const key = settings.getByLabel('API key');
  expect(await key.getAttribute('type')).toBe('password');
  await key.fill(KEY);
  await settings.getByRole('button', { name: 'Save credential' }).click();
  await expectText(page, page.getByTestId('credential-status'), 'Set (API key) · updated');
  expect(await key.inputValue()).toBe('');
  expect(await page.content()).not.toContain(KEY);
  await snap('settings');

  // Access: sales reps may list orders.
  await page.getByRole('tab', { name: 'Access' }).click();
  // A multiple select stays open after a choice: Escape closes it.
  await page.getByLabel('listOrders Roles').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('Sales rep').click();
  await page.keyboard.press('Escape');
  await snap('access');

  const draft = await savedDraft(page, server, APP);
  expect(draft.connections).toEqual([
    {
      id: 'shop',
      label: 'Mock Shop API',
      connector: 'mock-shop@^1.0.0',
      config: { baseUrl: shop.url },
      credential: 'shop',
      access: { listOrders: ['rep'] },
    },
  ]);
  expect(JSON.stringify(draft)).not.toContain(KEY);

  // Try it: listOrders answers the shop's orders, with the status and the time.
  const firstPage = (await (await fetch(`${shop.url}/orders?limit=5`, { headers: { 'X-Api-Key': KEY } })).json()) as {
    data: Array<{ id: string }>;
  };
  await page.getByRole('tab', { name: /operation\(s\)/ }).click();
  await page.getByTestId('operation-list').getByRole('button', { name: 'Try it listOrders' }).click();
  const tryIt = page.getByTestId('try-it');
  await tryIt.getByLabel('Page size').fill('5');
  await tryIt.getByRole('button', { name: 'Send' }).click();
  await expectText(page, tryIt.getByTestId('call-status'), '200');
  expect(await tryIt.getByTestId('call-time').innerText()).toMatch(/^\d+ ms$/);
  await expectText(page, tryIt, '5 record(s)');
  for (const o of firstPage.data) await expectText(page, tryIt.getByTestId('call-output'), o.id);
  await snap('try-it');
  await tryIt.getByRole('button', { name: 'Next page' }).click();
  await expectText(page, tryIt, 'page 2');
  expect(await tryIt.getByTestId('call-output').innerText()).not.toContain(firstPage.data[0].id);

  // A wrong key: the shop's 401 and its body, and never the key.
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await settings.getByLabel('API key').fill('wrong-key-000');
  await settings.getByRole('button', { name: 'Replace credential' }).click();
  await expectText(page, page.getByTestId('credential-status'), 'Set (API key)');
  await page.getByRole('tab', { name: /operation\(s\)/ }).click();
  await page.getByTestId('operation-list').getByRole('button', { name: 'Try it listOrders' }).click();
  await page.getByTestId('try-it').getByRole('button', { name: 'Send' }).click();
  const failure = page.getByTestId('call-failure');
  await expectText(page, failure.getByTestId('remote-status'), '401');
  await expectText(page, failure.getByTestId('remote-body'), 'unauthorized');
  expect(await page.content()).not.toContain('wrong-key-000');
  await snap('try-it-failure');
  // No script errors (the failed requests are the 401 of /auth/me before sign-in, the 502 provoked above and a missing favicon).
  expect(browser.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
}, 90_000);

test("a table's data from the shop's list operation, its columns from the operation's output", async () => {
  await page.keyboard.press('Escape');
  await page.getByRole('menuitem', { name: /Pages/ }).click();
  await page.getByText('Table · ordersTable').click();
  const source = page.getByTestId('source-panel');
  await source.getByText('Connector operation').click();
  const connector = page.getByTestId('connector-source');
  expect(await connector.getByRole('combobox', { name: 'Connection' }).count()).toBe(1);
  await connector.getByRole('combobox', { name: 'Operation' }).click();
  // A table takes list operations only: createTicket is not offered.
  const offered = await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allInnerTexts();
  expect(offered.length).toBeGreaterThan(3);
  for (const o of offered) expect(o).toMatch(/\(list\w+\)$/);
  await page
    .locator('.ant-select-dropdown:visible')
    .getByTitle(/\(listOrders\)$/)
    .click();
  await connector.getByTestId('connector-inputs').getByLabel('customerId', { exact: true }).fill('cus_0008');
  await page.getByRole('tab', { name: 'Properties' }).click();
  await snap('table-props');
  const column = page.getByLabel('columns.0.field');
  await column.fill('');
  await column.click();
  // The imported output's record (OrderPage's items): the properties of an order, not the entity's fields.
  const columns = await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allInnerTexts();
  expect(columns).toEqual(expect.arrayContaining(['id · string', 'customerId · string']));
  expect(columns.some((c) => c.startsWith('lastName'))).toBe(false);
  await column.fill('tot'); // the list is virtualised: narrow it
  await page.locator('.ant-select-dropdown:visible').getByText('total · integer', { exact: true }).click();
  const draft = await savedDraft(page, server, APP);
  // The canvas shows the binding and the columns (no demo rows: it never calls the shop).
  await expectText(page, page.getByTestId('preview-connector'), 'shop · listOrders');
  await expectText(page, page.getByTestId('preview-placeholder'), 'total');
  await snap('table-source');
  expect(draft.pages[0].components[0]).toMatchObject({
    source: { kind: 'connector', connection: 'shop', operation: 'listOrders', input: { customerId: 'cus_0008' } },
    props: { columns: [{ field: 'total' }] },
  });
  expect(browser.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
}, 60_000);
