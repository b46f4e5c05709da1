/**
 * What the builder's browser tests share: signing in, pointer drags that dnd-kit / React Flow /
 * antd Tree accept, antd Select choices, polling (playwright-core has no `expect`) and the draft
 * as the server saved it.
 */
import type { Locator, Page } from 'playwright-core';
import { ADMIN, type TestServer } from '../../../runtime/test/helpers/tessera';

/** A mouse drag with intermediate moves; `at` picks the drop point inside the target (fractions of its box). */
export async function drag(page: Page, from: Locator, to: Locator, at: { x?: number; y?: number } = {}): Promise<void> {
  const a = (await from.boundingBox())!;
  await to.scrollIntoViewIfNeeded();
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 8, { steps: 4 });
  await page.mouse.move(b.x + b.width * (at.x ?? 0.5), b.y + b.height * (at.y ?? 0.5), { steps: 12 });
  await page.mouse.up();
}

/** Opens an antd Select with a click and clicks one of its options; waits until the dropdown has closed. */
export async function choose(page: Page, select: Locator, title: string | RegExp): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(title).click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

/** Polls until the locator's text contains `text`. */
export async function expectText(page: Page, locator: Locator, text: string, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  let last: string;
  for (;;) {
    last = (await locator.innerText().catch(() => '')) ?? '';
    if (last.includes(text)) return;
    if (Date.now() > end) throw new Error(`expected "${text}" in ${locator}, saw: ${last.slice(0, 300)}`);
    await page.waitForTimeout(100);
  }
}

/** Polls `fn` until `ok` accepts its value. */
export async function until<T>(page: Page, fn: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await page.waitForTimeout(100);
  }
}

/** The draft as the server has it, once autosave (debounced by 1 s) reports it saved. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function savedDraft(page: Page, server: TestServer, appId: string): Promise<any> {
  await expectText(page, page.getByTestId('save-status'), 'All changes saved');
  return (await server.api('GET', `/api/apps/${appId}`)).body.draft;
}

/** Signs in to the builder as the admin. */
export async function signInToBuilder(page: Page, server: TestServer, hash = ''): Promise<void> {
  await page.goto(`${server.url}/builder/${hash}`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
