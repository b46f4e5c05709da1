import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (installed by .ci/run); never a downloaded browser. */
export const CHROMIUM = process.env.TESSERA_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts/screenshots');

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far (a real product shows none). */
  errors: string[];
  newPage(): Promise<Page>;
  screenshot(name: string, page?: Page): Promise<string>;
  close(): Promise<void>;
}

/** A fresh profile per test file, so files run in parallel without sharing cookies or storage. */
export async function openBrowser(options: { width?: number; height?: number; locale?: string } = {}): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: options.width ?? 1366, height: options.height ?? 900 },
    locale: options.locale ?? 'en-US',
  });
  // Fail a step well inside jest's 30 s test timeout, with playwright's message of what was awaited.
  context.setDefaultTimeout(10_000);
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(String(err)));
  };
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    page,
    errors,
    newPage: () => context.newPage(),
    async screenshot(name, target = page) {
      const file = path.join(ARTIFACTS, `${name}.png`);
      await target.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
