/**
 * The builder end to end, in a real browser (Debian chromium via playwright-core) against a real
 * Tessera: from an empty workspace, with the mouse, build a small CRM (Customer with five fields,
 * Order, a relation drawn on the ER diagram, a page with a table and a form, a query-builder filter,
 * a computed column written with field-name completion and then named), check undo/redo and that an invalid state
 * blocks publishing, preview, publish twice, diff, roll back, export — then use the published app
 * in the runtime and create a record through its form.
 *
 * Needs `npm run build` (builder-ui/dist and renderer/client/dist). Screenshots of every step go
 * to test-artifacts/screenshots/builder-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, type Browser } from '../../../runtime/test/e2e/browser';
import { startTestServer, type TestServer } from '../../../runtime/test/helpers/tessera';
import {
  choose as chooseWith,
  drag as dragWith,
  expectText as expectTextWith,
  savedDraft as savedDraftWith,
  signInToBuilder,
  until as untilWith,
} from './builder-e2e.helpers';

const ROOT = path.resolve(__dirname, '../../..');
const DISTS = ['builder-ui/dist/index.html', 'renderer/client/dist/index.html'];
const APP = 'retail-crm';

let server: TestServer;
let browser: Browser;
let page: Page;
let shot = 0;

/** Screenshot named after the step, numbered so the folder reads in order. */
const snap = (name: string, target: Page = page) => browser.screenshot(`builder-${String(++shot).padStart(2, '0')}-${name}`, target);
const drag = (from: Locator, to: Locator, target: Page = page) => dragWith(target, from, to);
const choose = (select: Locator, title: string | RegExp, target: Page = page) => chooseWith(target, select, title);
const expectText = (locator: Locator, text: string, timeout?: number) => expectTextWith(page, locator, text, timeout);
const until = <T>(fn: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout?: number) => untilWith(page, fn, ok, what, timeout);
const savedDraft = () => savedDraftWith(page, server, APP);

const canvasIds = () => page.locator('[data-testid^="canvas-"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.testid));
const tableHeaders = () => page.getByTestId('canvas-table').locator('thead th').allInnerTexts();

beforeAll(async () => {
  const missing = DISTS.filter((f) => !fs.existsSync(path.join(ROOT, f)));
  if (missing.length) throw new Error(`${missing.join(', ')} missing: run \`npm run build\` before the builder e2e test`);
  server = await startTestServer({ loadExamples: false });
  browser = await openBrowser();
  page = browser.page;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('build an app with the mouse, publish it, and create a record in the runtime', async () => {
  // Sign in.
  await signInToBuilder(page, server);
  await page.getByText('No apps yet').waitFor();
  await snap('empty-workspace');

  // Create an app.
  await page.getByTestId('new-app').click();
  await page.getByLabel('Name').fill('Retail CRM');
  expect(await page.getByLabel('App id').inputValue()).toBe(APP);
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('button', { name: 'Add entity' }).waitFor();
  expect(page.url()).toContain(`#/apps/${APP}`);

  // Customer: name comes with a new entity; add phone, email, channel (enum), VIP (boolean).
  await page.getByRole('button', { name: 'Add entity' }).click();
  await page.getByLabel('Entity name').fill('Customer');
  await page.getByRole('button', { name: 'Create' }).click();
  const addField = async (type: string) => {
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.locator(`.ant-dropdown:visible [data-menu-id$="-${type}"]`).click();
  };
  const settings = page.getByTestId('field-settings');
  await addField('phone');
  await addField('email');
  await addField('enum');
  await settings.locator('[aria-label="id"]').fill('channel');
  await settings.locator('[aria-label="label"]').fill('Channel');
  await settings.locator('[aria-label="options.0.value"]').fill('web');
  await settings.locator('[aria-label="options.0.label"]').fill('Web');
  await settings.locator('[aria-label="options.1.value"]').fill('store');
  await settings.locator('[aria-label="options.1.label"]').fill('Store');
  await addField('boolean');
  await settings.locator('[aria-label="id"]').fill('vip');
  await settings.locator('[aria-label="label"]').fill('VIP');
  const fieldRows = page.locator('.ant-table-tbody tr');
  expect(await fieldRows.count()).toBe(5);
  for (const id of ['name', 'phone', 'email', 'channel', 'vip']) await expectText(fieldRows.filter({ hasText: id }), id);
  await expectText(fieldRows.filter({ hasText: 'channel' }), 'Choice');
  await expectText(fieldRows.filter({ hasText: 'vip' }), 'Yes/No');
  await snap('customer-fields');

  // Order, then a relation drawn on the ER diagram: Customer's right handle → the Order node.
  await page.getByRole('button', { name: 'Add entity' }).click();
  await page.getByLabel('Entity name').fill('Order');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('tab', { name: 'Diagram' }).click();
  const customerNode = page.locator('.react-flow__node[data-id="customer"]');
  const orderNode = page.locator('.react-flow__node[data-id="order"]');
  await orderNode.waitFor();
  expect(await page.locator('.react-flow__edge').count()).toBe(0);
  await drag(customerNode.locator('.react-flow__handle.source'), orderNode);
  await until(
    () => page.locator('.react-flow__edge').count(),
    (n) => n === 1,
    'the relation edge',
  );
  await expectText(customerNode, '→ order');
  await snap('er-relation');
  const relation = (await savedDraft()).entities
    .find((e: { id: string }) => e.id === 'customer')
    .fields.find((f: { type: string }) => f.type === 'relation');
  expect(relation).toMatchObject({ to: 'order' });

  // A page, and a Table and a Form dragged from the palette onto the canvas.
  await page.getByRole('menuitem', { name: 'Pages' }).click();
  await page.getByRole('button', { name: 'Add page' }).click();
  await page.getByLabel('Page title').fill('Customers');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByText('Drag components here').waitFor();
  // A data component asks which entity it shows: nothing proposed on an empty page, the page's entity after that.
  await drag(page.getByTestId('palette-table'), page.getByTestId('drop-root'));
  const bind = page.locator('.ant-modal:visible', { hasText: 'Which records does this Table show?' });
  await bind.waitFor();
  expect(await bind.getByRole('button', { name: 'Add' }).isDisabled()).toBe(true);
  await choose(bind.getByRole('combobox', { name: 'Entity' }), 'Customer');
  await snap('bind-entity-asked');
  await bind.getByRole('button', { name: 'Add' }).click();
  await page.getByTestId('canvas-table').waitFor();
  await bind.waitFor({ state: 'hidden' }); // a modal still fading out would take the next drag's pointer events
  await drag(page.getByTestId('palette-form'), page.getByTestId('drop-root'));
  const bindForm = page.locator('.ant-modal:visible', { hasText: 'Which records does this Form show?' });
  await expectText(bindForm, 'Customer');
  // A click that lands while the dialog still animates in can be lost under CI load (seen once):
  // it is clicked again only while the dialog is still open, so the form is never added twice.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await bindForm.isVisible()) await bindForm.getByRole('button', { name: 'Add' }).click();
    if (
      await page
        .getByTestId('canvas-form')
        .waitFor({ timeout: 10_000 })
        .then(
          () => true,
          () => false,
        )
    )
      break;
  }
  await page.getByTestId('canvas-form').waitFor();
  expect(await canvasIds()).toEqual(['canvas-table', 'canvas-form']);
  await snap('table-and-form-dropped');
  expect((await savedDraft()).pages[0].components.map((c: { source: { entity: string } }) => c.source.entity)).toEqual([
    'customer',
    'customer',
  ]);

  // Bind the table (to Order, then back to Customer) and filter it with the query builder: channel = web.
  await page.getByTestId('canvas-table').locator(':scope > div').first().click();
  const source = page.getByTestId('source-panel');
  await choose(source.getByLabel('Entity'), 'Order');
  await choose(source.getByLabel('Entity'), 'Customer');
  await source.getByRole('button', { name: 'Add condition' }).click();
  await choose(source.getByLabel('Field'), 'Channel');
  await choose(source.getByRole('combobox', { name: 'value' }), 'Web');
  await until(tableHeaders, (h) => h.join() === 'Name,Phone,Email,Channel,VIP', 'the table columns');
  // The demo rows on the canvas follow the filter: every channel cell says Web.
  const channels = await until(
    () => page.getByTestId('canvas-table').locator('tbody tr.ant-table-row td:nth-child(4)').allInnerTexts(),
    (c) => c.length > 0 && c.every((x) => x === 'Web'),
    'filtered demo rows',
  );
  expect(channels.length).toBeGreaterThan(2);
  await snap('table-bound-and-filtered');
  const table = (await savedDraft()).pages[0].components[0];
  expect(table.source).toEqual({ kind: 'entity', entity: 'customer', filter: { channel: 'web' } });

  // A computed column: the expression editor, completing a field name from "na".
  await page.getByTestId('property-panel').getByRole('tab', { name: 'Properties' }).click();
  await page.getByRole('button', { name: 'Add computed column' }).click();
  const editor = page.getByTestId('expression-editor');
  await editor.locator('.monaco-editor').waitFor();
  await editor.locator('.view-lines').click();
  await page.keyboard.type('$uppercase(na', { delay: 30 });
  const suggestion = page.locator('.suggest-widget .monaco-list-row').filter({ hasText: 'name' }).first();
  await suggestion.waitFor();
  await snap('expression-completion');
  await suggestion.click();
  await expectText(editor.locator('.view-lines'), '$uppercase(name)');
  // The preview runs on the field type's own sample value (the same generator as the demo data).
  await expectText(page.getByTestId('expression-result'), '"PRIYA ANDERSON"');
  await page.getByRole('button', { name: 'Apply' }).click();
  // Then its name: proposed from the expression, chosen by the consultant.
  const naming = page.locator('.ant-modal:visible', { hasText: 'Name the computed column' });
  await naming.waitFor();
  expect(await naming.getByLabel('Column name').getAttribute('placeholder')).toBe('uppercase(Name)');
  await naming.getByLabel('Column name').fill('Name in capitals');
  await snap('computed-column-named');
  await naming.getByRole('button', { name: 'Add column' }).click();
  await until(tableHeaders, (h) => h.at(-1) === 'Name in capitals', 'the computed column');
  await snap('computed-column');

  // Undo removes the computed column (field and column, one step); redo brings it back.
  await page.getByTestId('undo').click();
  await until(tableHeaders, (h) => !h.includes('Name in capitals'), 'undo');
  await page.getByTestId('redo').click();
  await until(tableHeaders, (h) => h.includes('Name in capitals'), 'redo');

  // An invalid state: delete the phone field the table and form use.
  await page.getByRole('menuitem', { name: 'Data' }).click();
  await page.getByRole('tab', { name: 'Fields' }).click();
  await page.locator('.ant-table-tbody tr', { hasText: 'phone' }).getByLabel('Delete field').click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'OK' }).click();
  await page.getByRole('menuitem', { name: 'Pages' }).click();
  await expectText(page.getByTestId('error-table'), 'unknown field "phone"');
  await expectText(page.getByTestId('error-form'), 'unknown field "phone"');
  expect(await page.getByTestId('publish').isDisabled()).toBe(true);
  await expectText(page.getByTestId('problems'), '2 error(s)');
  await snap('invalid-publish-blocked');
  await page.getByTestId('undo').click();
  await until(
    () => page.getByTestId('error-table').count(),
    (n) => n === 0,
    'the error to clear',
  );
  await until(() => page.getByTestId('publish').isEnabled(), Boolean, 'Publish to be enabled');
  await expectText(page.getByTestId('problems'), 'No errors');

  // Preview with demo data.
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('preview');
  await until(
    () => preview.locator('tbody tr.ant-table-row').count(),
    (n) => n > 2,
    'preview rows',
  );
  await expectText(preview.locator('thead'), 'Name in capitals');
  await snap('preview');
  await page.locator('.ant-modal-wrap:visible .ant-modal-close').click();

  // Publish v1 with a note; change something; publish v2.
  const publish = async (note: string, n: number) => {
    await page.getByTestId('publish').click();
    await page.getByLabel('What changed?').fill(note);
    await page.locator('.ant-modal:visible').getByRole('button', { name: 'Publish' }).click();
    await page.getByText(`Published version ${n}`).waitFor();
    await page.getByLabel('What changed?').waitFor({ state: 'hidden' });
  };
  await publish('First version: customers and orders', 1);
  await drag(page.getByTestId('palette-text'), page.getByTestId('canvas-table'));
  await until(canvasIds, (ids) => ids.join() === 'canvas-text,canvas-table,canvas-form', 'the text before the table');
  await publish('Add an intro text', 2);

  // Versions, and the diff of v1 → v2.
  await page.getByRole('menuitem', { name: 'Versions' }).click();
  const versionRows = page.locator('.ant-table-tbody tr');
  await until(
    () => versionRows.allInnerTexts(),
    (r) => r.length === 2 && r[0].startsWith('v2') && r[0].includes('Add an intro text') && r[1].includes('First version'),
    'the versions list',
  );
  await choose(page.getByRole('combobox', { name: 'From' }), /^v1/);
  await choose(page.getByRole('combobox', { name: 'To' }), /^v2/);
  const diff = page.getByTestId('diff');
  await diff.locator('.monaco-diff-editor').waitFor();
  // The diff (computed in the editor worker) highlights the inserted lines and folds the rest.
  await until(
    () => diff.locator('.modified-in-monaco-diff-editor .line-insert').count(),
    (n) => n > 0,
    'highlighted insertions',
  );
  await expectText(diff, 'hidden lines');
  await snap('versions-and-diff');
  // Monaco's accessible diff viewer (F7) lists the changes: one insertion, the text component.
  await diff.locator('.modified-in-monaco-diff-editor .view-lines').click();
  await page.keyboard.press('F7');
  const inserted = await until(
    () => diff.locator('.diff-review-row.line-insert').allInnerTexts(),
    (l) => l.length > 0,
    'the diff review',
  );
  expect(inserted.join(' ').replace(/\s+/g, ' ')).toContain('"type": "text"');
  expect(await diff.locator('.diff-review-row.line-delete').count()).toBe(0);
  await snap('diff-review');
  await page.keyboard.press('Escape');

  // Roll back to v1: a new version v3, and the draft loses the text component.
  await versionRows.filter({ hasText: 'First version' }).getByRole('button', { name: 'Roll back' }).click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'OK' }).click();
  await page.getByText('Rolled back to version 1').waitFor();
  await until(
    () => versionRows.allInnerTexts(),
    (r) => r.length === 3 && r[0].startsWith('v3'),
    'v3 in the list',
  );
  await snap('rolled-back');
  const published = (await server.api('GET', `/api/apps/${APP}/versions/3`)).body.definition;
  expect(published.pages[0].components.map((c: { id: string }) => c.id)).toEqual(['table', 'form']);

  // Export JSON: a download holding the definition.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${APP}.json`);
  const exported = JSON.parse(fs.readFileSync((await file.path())!, 'utf8'));
  expect(exported.id).toBe(APP);
  expect(exported.entities.map((e: { id: string }) => e.id)).toEqual(['customer', 'order']);
  expect(exported.entities[0].fields.map((f: { id: string }) => f.id)).toEqual([
    'name',
    'phone',
    'email',
    'channel',
    'vip',
    'order',
    'nameInCapitals',
  ]);

  // The published app in the runtime (same session cookie): create a Customer through the form.
  const app = await browser.newPage();
  await app.goto(`${server.url}/apps/${APP}/`);
  await app.getByText('Customers', { exact: true }).first().click();
  await app.locator('#form-name').waitFor();
  await app.locator('#form-name').fill('Ada Lovelace');
  await app.locator('#form-phone').fill('+44 20 7946 0000');
  await app.locator('#form-email').fill('ada@example.com');
  await choose(app.locator('#form-channel'), 'Web', app);
  const form = app.locator('form').last();
  await form.getByRole('switch').click();
  await form.getByRole('button', { name: 'Create' }).click();
  await app.getByText('Created').waitFor();
  // The table (filtered to web) shows the new record with its computed column.
  await app.locator('tbody tr', { hasText: 'Ada Lovelace' }).waitFor();
  expect(await app.locator('tbody tr', { hasText: 'Ada Lovelace' }).innerText()).toContain('ADA LOVELACE');
  await snap('runtime-record-created', app);

  const records = await server.api('GET', `/api/apps/${APP}/data/customer`);
  expect(records.status).toBe(200);
  expect(records.body.items).toHaveLength(1);
  expect(records.body.items[0]).toMatchObject({
    name: 'Ada Lovelace',
    phone: '+44 20 7946 0000',
    email: 'ada@example.com',
    channel: 'web',
    vip: true,
    nameInCapitals: 'ADA LOVELACE',
  });

  // No script errors in either page (the 401 of /auth/me before sign-in and a missing favicon are expected).
  expect(browser.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
}, 150_000);
