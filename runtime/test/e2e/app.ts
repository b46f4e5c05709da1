/**
 * Shared set-up of the end-to-end tests: a real Tessera with the example app (demo users with a
 * known password), the built app client, and a fresh chromium profile per test file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { CLIENT_DIST } from '../../src/http/client/client.routes';
import { startTestServer, type ApiFn, type TestServer } from '../helpers/tessera';
import { openBrowser, type Browser } from './browser';

export const APP = 'b2b-sales';
export const DEMO_PASSWORD = 'demo password for e2e';
export const REP1 = 'rep1@example.com';
export const REP2 = 'rep2@example.com';
export const MANAGER = 'manager@example.com';

/** Fails the file at once, with what to do, when the app client was never built. */
export function requireClientBuild(): void {
  if (!fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    throw new Error(
      `The app client is not built (${CLIENT_DIST}/index.html is missing): run \`npm run build\` (or \`npm run build:client\`) first.`,
    );
  }
}

/** Tessera with the b2b-sales example and its demo members (password DEMO_PASSWORD). */
export async function startExampleServer(): Promise<TestServer> {
  requireClientBuild();
  // bootstrap reads it when it creates the demo users (first start of this fresh data dir).
  process.env.TESSERA_DEMO_PASSWORD = DEMO_PASSWORD;
  return startTestServer({ loadExamples: true });
}

/** An API function acting as one demo member (an API key of theirs). */
export async function apiAs(t: TestServer, email: string): Promise<ApiFn> {
  const { accounts } = t.running.platform;
  const user = await accounts.findUserByEmail(email);
  if (!user) throw new Error(`no user ${email}`);
  const { key } = await accounts.createApiKey(user.id, 'e2e');
  return t.as(key);
}

export const appUrl = (t: TestServer, route = '/') => `${t.url}/apps/${APP}${route}`;

/** Opens a page of the app signed out, signs in on the sign-in page, and waits for the app shell. */
export async function signIn(page: Page, t: TestServer, email: string, route = '/'): Promise<void> {
  await page.goto(appUrl(t, route));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'B2B Sales', level: 4 }).waitFor(); // the app header (the menu may be a drawer)
}

/** Data rows of the (first) antd table on the page: `tbody tr` with data, not the measure row. */
export const tableRows = (page: Page | Locator): Locator => page.locator('.ant-table-tbody > tr.ant-table-row');

/** Text of one column (by header text) for every visible row. */
export async function columnTexts(page: Page, header: string): Promise<string[]> {
  const headers = await page.locator('.ant-table-thead > tr > th').allInnerTexts();
  const index = headers.findIndex((h) => h.trim() === header);
  if (index < 0) throw new Error(`no column "${header}" in ${JSON.stringify(headers)}`);
  return tableRows(page).evaluateAll((rows, i) => rows.map((r) => (r.children[i] as HTMLElement).innerText.trim()), index);
}

/** Waits until the table shows rows and no loading overlay. */
export async function tableSettled(page: Page): Promise<void> {
  await tableRows(page).first().waitFor();
  await page
    .locator('.ant-table .ant-spin-spinning')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('.ant-table .ant-spin-spinning'));
}

/** Polls `read` until `check` passes (jest's expect inside), within `ms`. */
export async function eventually<T>(read: () => Promise<T>, check: (v: T) => void, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    try {
      check(v);
      return v;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Console errors the product is allowed to log in a flow: the browser's own line for a failed
 * request the test provoked on purpose (e.g. a 412 conflict), matched by status.
 */
export function unexpectedErrors(b: Browser, allowedStatuses: number[] = []): string[] {
  return b.errors.filter((e) => !allowedStatuses.some((s) => e.includes(`status of ${s}`)));
}

export { openBrowser, type Browser, type TestServer };
