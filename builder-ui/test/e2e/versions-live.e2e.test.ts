/**
 * From the builder to the live app, and the Versions screen after a publish, in a real browser:
 * no "Open app" before the first publish; the publish note box has focus and keeps what was typed
 * when the dialog is closed and reopened; after publishing, "Open app" (toast, header, Versions,
 * app card) leads to /apps/<id>/ in a new tab that shows the app; the draft reads "No changes"
 * against the live version (marked Live) and Publish is disabled; a field rename reads as words
 * in the comparison; the rollback confirmation says which field is renamed back.
 *
 * Needs `npm run build`. Screenshots at 1,440 and 1,024 px go to test-artifacts/screenshots/versions-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from '../../../runtime/test/e2e/browser';
import { startTestServer, type TestServer } from '../../../runtime/test/helpers/tessera';
import { expectText as expectTextWith, signInToBuilder, until as untilWith } from './builder-e2e.helpers';

const ROOT = path.resolve(__dirname, '../../..');
const DISTS = ['builder-ui/dist/index.html', 'renderer/client/dist/index.html'];
const APP = 'clinic';

let server: TestServer;
let browser: Browser;
let page: Page;

const snap = async (name: string) => {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await browser.screenshot(`versions-${name}-${width}`, page);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
};
const expectText = (locator: Parameters<typeof expectTextWith>[1], text: string) => expectTextWith(page, locator, text);

beforeAll(async () => {
  const missing = DISTS.filter((f) => !fs.existsSync(path.join(ROOT, f)));
  if (missing.length) throw new Error(`${missing.join(', ')} missing: run \`npm run build\` before the builder e2e test`);
  server = await startTestServer({ loadExamples: false });
  browser = await openBrowser({ width: 1440, height: 900 });
  page = browser.page;
  const created = await server.api('POST', '/api/apps', {
    schemaVersion: 1,
    id: APP,
    name: 'Clinic',
    entities: [
      {
        id: 'patient',
        label: 'Patient',
        pluralLabel: 'Patients',
        display: 'name',
        fields: [
          { id: 'name', type: 'text', label: 'Name', required: true },
          { id: 'surname', type: 'text', label: 'Surname' },
        ],
      },
    ],
    pages: [
      {
        id: 'desk',
        title: 'Front desk',
        route: '/',
        components: [
          {
            id: 'patients',
            type: 'table',
            source: { kind: 'entity', entity: 'patient' },
            props: { columns: [{ field: 'name' }, { field: 'surname' }] },
          },
        ],
      },
    ],
  });
  expect(created.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('publish, open the live app, and read the versions', async () => {
  await signInToBuilder(page, server);
  const card = page.getByTestId(`app-card-${APP}`);
  await card.waitFor();
  expect(await card.getByTestId('open-app').count()).toBe(0); // never published
  await card.click();
  await page.getByTestId('publish').waitFor();
  expect(await page.getByTestId('open-app').count()).toBe(0);

  // The note box has focus when the dialog opens, and keeps its text when closed and reopened.
  await page.getByTestId('publish').click();
  const note = page.getByLabel('What changed?');
  await untilWith(page, () => note.evaluate((el) => el === document.activeElement), Boolean, 'focus in the note box');
  await page.keyboard.type('First version');
  await page.locator('.ant-modal:visible').getByRole('button', { name: 'Cancel' }).click();
  await note.waitFor({ state: 'hidden' });
  await page.getByTestId('publish').click();
  expect(await note.inputValue()).toBe('First version');
  await untilWith(page, () => note.evaluate((el) => el === document.activeElement), Boolean, 'focus in the reopened note box');
  await snap('publish-dialog');
  await page.locator('.ant-modal:visible').getByRole('button', { name: 'Publish' }).click();

  // The toast links to the live app; so does the header.
  const toastLink = page.getByTestId('published-open-app');
  await toastLink.waitFor();
  await expectText(page.locator('.ant-message'), 'Published version 1');
  for (const link of [toastLink, page.getByTestId('open-app')]) {
    expect(await link.getAttribute('href')).toBe(`/apps/${APP}/`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener');
  }
  await snap('published');

  // Following it opens the live app in a new tab.
  const [live] = await Promise.all([browser.context.waitForEvent('page'), page.getByTestId('open-app').click()]);
  await live.waitForLoadState();
  expect(new URL(live.url()).pathname).toBe(`/apps/${APP}/`);
  await live.getByText('Front desk').first().waitFor();
  await browser.screenshot('versions-live-app', live);
  await live.close();

  // Versions: v1 is live, the draft has no changes, Publish is disabled.
  await page.getByRole('menuitem', { name: 'Versions' }).click();
  const rows = page.locator('.ant-table-tbody tr');
  await untilWith(
    page,
    () => rows.allInnerTexts(),
    (r) => r.length === 1 && r[0].includes('First version'),
    'the versions list',
  );
  await rows.first().getByTestId('live-version').waitFor();
  expect(await rows.first().getByTestId('live-version').innerText()).toBe('Live');
  await page.getByTestId('no-changes').waitFor();
  expect(await page.getByTestId('diff').count()).toBe(0);
  await untilWith(page, () => page.getByTestId('publish').first().isDisabled(), Boolean, 'Publish disabled');
  expect(await page.getByTestId('versions-open-app').getAttribute('href')).toBe(`/apps/${APP}/`);
  await snap('no-changes');

  // Rename the Surname field (id and label): the comparison says so in words.
  await page.getByRole('menuitem', { name: 'Data' }).click();
  await page.locator('.ant-table-tbody tr', { hasText: 'surname' }).click();
  const settings = page.getByTestId('field-settings');
  await settings.locator('[aria-label="id"]').fill('familyName');
  await settings.locator('[aria-label="label"]').fill('Family name');
  await settings.locator('[aria-label="label"]').blur();
  await expectText(page.getByTestId('save-status'), 'All changes saved');
  await page.getByRole('menuitem', { name: 'Versions' }).click();
  await expectText(page.getByTestId('changes'), 'Field Surname of Patient renamed to Family name');
  expect(await page.getByTestId('publish').first().isDisabled()).toBe(false);
  await snap('rename-diff');

  // Publish v2 (the dialog lists the rename), then the rollback confirmation for v1 names it.
  await page.getByTestId('publish').first().click();
  expect(await note.inputValue()).toBe('');
  await note.fill('Family name');
  await page.getByTestId('publish-renames').waitFor();
  await page.locator('.ant-modal:visible').getByRole('button', { name: 'Publish' }).click();
  await expectText(page.locator('.ant-message'), 'Published version 2');
  await untilWith(
    page,
    () => rows.allInnerTexts(),
    (r) => r.length === 2 && r[0].startsWith('v2'),
    'v2 in the list',
  );
  await rows.first().getByTestId('live-version').waitFor();
  expect(await rows.nth(1).getByTestId('live-version').count()).toBe(0);
  await page.getByTestId('no-changes').waitFor();
  await rows.filter({ hasText: 'First version' }).getByRole('button', { name: 'Roll back' }).click();
  const confirm = page.locator('.ant-popconfirm:visible');
  await expectText(confirm.getByTestId('rollback-data'), 'field Family name of Patient → Surname');
  await snap('rollback-confirm');
  await confirm.getByRole('button', { name: 'OK' }).click();
  await page.getByText('Rolled back to version 1').waitFor();
  await untilWith(
    page,
    () => rows.allInnerTexts(),
    (r) => r.length === 3 && r[0].startsWith('v3'),
    'v3 in the list',
  );
  await page.getByTestId('no-changes').waitFor();

  // Back in the list, the published app's card links to it too.
  await page.getByRole('button', { name: 'All apps' }).click();
  expect(await page.getByTestId(`app-card-${APP}`).getByTestId('open-app').getAttribute('href')).toBe(`/apps/${APP}/`);
  await snap('app-list');

  expect(browser.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
}, 120_000);
