/**
 * The builder's Access and Menu screens, renames and the query builder's NOT, end to end in a
 * real browser against a real Tessera with the B2B sales example: hide a field from sales reps,
 * add a role, break and fix a row scope from the problems list, put a new page in the menu by
 * drag and drop, rename a field that indexes, sorts and an expression use, negate a filter — then
 * publish (the rename moves the stored values) and see the menu, the hidden column and the last
 * names in the runtime as a rep.
 *
 * Needs `npm run build`. Screenshots go to test-artifacts/screenshots/builder-access-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from '../../../runtime/test/e2e/browser';
import { APP, REP1, signIn, startExampleServer, tableSettled } from '../../../runtime/test/e2e/app';
import type { TestServer } from '../../../runtime/test/helpers/tessera';
import { choose, drag, expectText, savedDraft, signInToBuilder, until } from './builder-e2e.helpers';

const ROOT = path.resolve(__dirname, '../../..');

let server: TestServer;
let browser: Browser;
let page: Page;
let shot = 0;

const snap = (name: string, target: Page = page) => browser.screenshot(`builder-access-${String(++shot).padStart(2, '0')}-${name}`, target);
const draft = () => savedDraft(page, server, APP);
const entityOf = (d: { entities: Array<{ id: string }> }, id: string) => d.entities.find((e) => e.id === id) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
const screen = (name: string) =>
  page
    .getByRole('menuitem', { name: new RegExp(`(^| )${name}( \\d+)?$`) })
    .first()
    .click();

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'builder-ui/dist/index.html')))
    throw new Error('builder-ui/dist missing: run `npm run build` before the builder e2e tests');
  server = await startExampleServer();
  browser = await openBrowser();
  page = browser.page;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('roles, permissions and the menu are edited visually; problems lead to the screen that fixes them', async () => {
  await signInToBuilder(page, server, `#/apps/${APP}`);
  await page.getByRole('button', { name: 'Add entity' }).waitFor();

  // Access: the sales rep's permission matrix, then hide Email on Contact for reps.
  await screen('Access');
  const roles = page.getByTestId('role-list');
  await expectText(page, roles, 'Sales rep');
  await roles.getByText('Sales rep').click();
  const matrix = page.getByTestId('permission-matrix');
  expect(await matrix.getByLabel('contact delete').isChecked()).toBe(false);
  expect(await matrix.getByLabel('contact read').isChecked()).toBe(true);
  await matrix.locator('tr', { hasText: 'Contact' }).locator('td').first().click();
  const panel = page.getByTestId('permission-panel');
  await panel.getByLabel('email Field access').getByText('Hidden').click();
  await expectText(page, matrix.locator('tr', { hasText: 'Contact' }), '1 hidden');
  await snap('rep-contact-email-hidden');
  expect(entityOf(await draft(), 'contact').permissions.find((p: { role: string }) => p.role === 'rep')).toEqual({
    role: 'rep',
    actions: ['create', 'read', 'update'],
    rows: 'own',
    fields: { owner: 'readonly', email: 'hidden' },
  });

  // A new role: read companies and contacts, only their own contacts.
  await roles.getByRole('button', { name: 'Add role' }).click();
  await page.getByLabel('Role name').fill('Support agent');
  await page.getByRole('button', { name: 'Create' }).click();
  await expectText(page, page.getByTestId('access-designer').locator('h4'), 'Support agent');
  await matrix.getByLabel('company read').check();
  await matrix.getByLabel('contact read').check();
  await choose(page, matrix.getByLabel('contact Records'), 'Own');
  await snap('new-role');
  const withRole = await draft();
  expect(withRole.roles.at(-1)).toEqual({ id: 'supportAgent', label: 'Support agent' });
  expect(entityOf(withRole, 'contact').permissions.at(-1)).toEqual({ role: 'supportAgent', actions: ['read'], rows: 'own' });

  // Break it: Company without an owner field makes "own" rows impossible; the error is on the permission.
  await matrix.locator('tr', { hasText: 'Company' }).locator('td').first().click();
  await panel.getByText('Own', { exact: true }).click();
  const ownerSelect = panel.locator('.ant-select', { has: page.getByRole('combobox', { name: 'Owner field' }) });
  await ownerSelect.hover();
  await ownerSelect.locator('.ant-select-clear').click();
  await expectText(page, panel, 'rows "own" needs the entity\'s ownerField');
  await expectText(page, page.getByTestId('problems'), '2 error(s)'); // the rep's and the support agent's company permissions
  await expectText(page, page.getByTestId('screen-errors-access'), '2'); // and the left menu says where they are
  await snap('row-scope-error');

  // From another screen, the problems list leads back to the permission at fault.
  await screen('Data');
  await page.getByTestId('problems').click();
  await page.getByTestId('issues').getByText('rep › company').click();
  await page.getByTestId('permission-panel').waitFor();
  await page.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
  await expectText(page, page.getByTestId('access-designer').locator('h4'), 'Sales rep');
  await expectText(page, page.getByTestId('permission-panel'), 'Company');
  await expectText(page, page.getByTestId('permission-panel'), "needs the entity's ownerField");
  await choose(page, page.getByTestId('permission-panel').getByRole('combobox', { name: 'Owner field' }), /^Owner/);
  await expectText(page, page.getByTestId('problems'), 'No errors');

  // In Chinese, the same screen.
  await page.getByLabel('Language').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('简体中文').click();
  await expectText(page, page.getByTestId('permission-matrix'), '查看');
  await snap('access-zh-CN');
  await page.getByLabel('语言').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('English').click();

  // A new page, put into the menu from "Pages not in the menu", then dragged into the Sales group.
  await screen('Pages');
  await page.getByRole('button', { name: 'Add page' }).click();
  await page.getByLabel('Page title').fill('Reports');
  await page.getByRole('button', { name: 'Create' }).click();
  await screen('Menu');
  const tree = page.getByTestId('nav-tree');
  await expectText(page, tree, 'Dashboard');
  await page.getByTestId('unlisted-reports').getByRole('button', { name: 'Add to menu' }).click();
  await expectText(page, page.getByTestId('nav-item-panel'), 'Menu item');
  await until(
    page,
    async () => (await draft()).navigation.map((i: { page?: string }) => i.page ?? 'group'),
    (ids) => ids.join() === 'dashboard,group,activities,reports',
    'Reports at the end of the menu',
  );
  await drag(page, page.getByTestId('nav-item-3'), page.getByTestId('nav-item-1'), { x: 0.3 });
  await until(
    page,
    async () => (await draft()).navigation[1].children.map((c: { page: string }) => c.page),
    (p) => p.includes('reports'),
    'Reports inside Sales',
  );
  const inSales = (await draft()).navigation[1].children.map((c: { page: string }) => c.page);
  // Wherever the drop put it in the group, the toolbar moves it to the top.
  for (let i = inSales.indexOf('reports'); i > 0; i--) await page.getByRole('button', { name: 'Move up' }).click();
  await page.getByTestId('nav-item-panel').getByLabel('icon').fill('BarChartOutlined');
  await until(
    page,
    async () => (await draft()).navigation[1].children[0],
    (c) => c.page === 'reports' && c.icon === 'BarChartOutlined',
    'Reports first in Sales, with its icon',
  );
  await snap('menu-nested');

  // A menu item pointing at a deleted page: the problems list opens the Menu screen on it.
  await screen('Pages');
  await page.locator('.ant-menu-item', { hasText: 'Leads' }).click();
  await page.getByRole('button', { name: 'Delete' }).last().click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'OK' }).click();
  await expectText(page, page.getByTestId('problems'), '1 error(s)');
  await page.getByTestId('problems').click();
  await page.getByTestId('issues').getByText('unknown page "leads"').click();
  await expectText(page, page.getByTestId('nav-item-panel'), 'unknown page "leads"');
  expect(await page.getByTestId('nav-tree').locator('.ant-tree-treenode-selected').innerText()).toContain('Leads');
  await snap('menu-error-located');
  await page.getByTestId('undo').click();
  await expectText(page, page.getByTestId('problems'), 'No errors');

  // Rename contact.lastName: its index, the sorts and the fullName expression follow.
  await screen('Data');
  await page.getByRole('menuitem', { name: 'Contact' }).click();
  await page.locator('.ant-table-tbody tr', { hasText: 'lastName' }).click();
  const settings = page.getByTestId('field-settings');
  await settings.getByLabel('id', { exact: true }).fill('surname');
  await settings.getByRole('button', { name: 'Rename' }).click();
  await page.locator('.ant-table-tbody tr', { hasText: 'surname' }).waitFor();
  await snap('field-renamed');
  const renamed = await draft();
  expect(entityOf(renamed, 'contact').fields.find((f: { id: string }) => f.id === 'fullName').expression).toEqual({
    $expr: "firstName & ' ' & surname",
  });
  expect(JSON.stringify(entityOf(renamed, 'contact').indexes)).toContain('"surname"');
  expect(JSON.stringify(renamed)).not.toContain('"lastName"');
  await expectText(page, page.getByTestId('problems'), 'No errors');
  // A taken id is explained and not applied.
  await settings.getByLabel('id', { exact: true }).fill('email');
  await expectText(page, settings, '"email" is already used.');
  await settings.getByLabel('id', { exact: true }).press('Escape');

  // NOT in the query builder: the leads table shows leads not (converted or disqualified)… negated.
  await screen('Pages');
  await page.locator('.ant-menu-item', { hasText: 'Leads' }).click();
  await page.getByTestId('canvas-leadsTable').locator(':scope > div').first().click();
  const rule = page.getByTestId('source-panel').getByTestId('query-rule');
  await expectText(page, rule, 'is none of');
  await rule.getByRole('button', { name: 'Negate' }).click();
  await until(
    page,
    async () => (await draft()).pages.find((p: { id: string }) => p.id === 'leads').components[0].source.filter,
    (f) => JSON.stringify(f) === '{"status":{"$not":{"$nin":["converted","disqualified"]}}}',
    'the negated filter',
  );
  await snap('query-not');
  await rule.getByRole('button', { name: 'Negate' }).click();
  await until(
    page,
    async () => (await draft()).pages.find((p: { id: string }) => p.id === 'leads').components[0].source.filter,
    (f) => JSON.stringify(f) === '{"status":{"$nin":["converted","disqualified"]}}',
    'the filter back',
  );

  // Publish; a rep sees Reports under Sales and no Email column on Contacts. The dialog says the
  // stored last names move with the rename, and the rep's list still shows them afterwards.
  await page.getByTestId('publish').click();
  await expectText(page, page.getByTestId('publish-renames'), 'contact.lastName → surname: stored values move to the new field');
  await snap('publish-renames');
  await page.getByLabel('What changed?').fill('Reports page, email hidden from reps, support role');
  await page.locator('.ant-modal:visible').getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Published version 2').waitFor();
  const app = await browser.newPage();
  await app.context().clearCookies();
  await signIn(app, server, REP1, '/contacts');
  await tableSettled(app);
  const headers = await app.locator('.ant-table-thead th').allInnerTexts();
  expect(headers).toContain('Name');
  expect(headers).not.toContain('Email');
  const filter = encodeURIComponent(JSON.stringify({ owner: REP1 }));
  const expected = (await server.api('GET', `/api/apps/${APP}/data/contact?filter=${filter}&sort=surname&limit=3`)).body.items;
  expect(expected.map((c: { surname?: string }) => c.surname)).toEqual([
    expect.stringMatching(/\S/),
    expect.stringMatching(/\S/),
    expect.stringMatching(/\S/),
  ]);
  expect(expected[0].lastName).toBeUndefined();
  const firstRows = await app
    .locator('.ant-table-tbody tr.ant-table-row')
    .evaluateAll((rows) => rows.slice(0, 3).map((r) => (r as HTMLElement).innerText));
  expected.forEach((c: { fullName: string }, i: number) => expect(firstRows[i]).toContain(c.fullName));
  expect(
    (
      await server.api(
        'GET',
        `/api/apps/${APP}/data/contact?filter=${encodeURIComponent('{"surname":{"$exists":false}}')}&count=exact&limit=1`,
      )
    ).body.total,
  ).toBe(0);
  // The menu opens the group of the current page (Contacts is in Sales): Reports is listed first there.
  await app.getByText('Reports', { exact: true }).first().waitFor();
  await snap('runtime-rep-menu', app);

  expect(browser.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
}, 180_000);
