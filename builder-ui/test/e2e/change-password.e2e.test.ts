/**
 * Hardening 9 in the builder: the signed-in builder changes their own password from the app
 * list. The server's refusal of a weak one is shown at its field; the change signs out the other
 * session and keeps this one. Needs `npm run build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openBrowser, type Browser } from '../../../runtime/test/e2e/browser';
import { ADMIN, startTestServer, type TestServer } from '../../../runtime/test/helpers/tessera';
import { signInToBuilder } from './builder-e2e.helpers';

const ROOT = path.resolve(__dirname, '../../..');
const NEW_PASSWORD = 'the builder has a new one 7';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'builder-ui/dist/index.html')))
    throw new Error('builder-ui/dist missing: run `npm run build` before the builder e2e tests');
  server = await startTestServer();
  browser = await openBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const login = (password: string) =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password }),
  });
const meWith = async (cookie: string) => (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status;

it('changes the password from the app list, ending the other session only', async () => {
  const other = (await login(ADMIN.password)).headers.get('set-cookie')!.split(';')[0];
  const { page } = browser;
  await signInToBuilder(page, server);
  await page.getByRole('button', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change password' });
  await dialog.getByLabel('Current password').fill(ADMIN.password);
  await dialog.getByLabel('New password', { exact: true }).fill('1234567890');
  await dialog.getByLabel('Confirm the new password').fill('1234567890');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await dialog.getByText('password must not be a run of keys like 1234567890 or abcdefghij').waitFor();
  expect(await meWith(other)).toBe(200);

  await dialog.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await dialog.getByLabel('Confirm the new password').fill(NEW_PASSWORD);
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Password changed. Your other sessions were signed out.').waitFor();

  expect(await meWith(other)).toBe(401);
  expect((await login(NEW_PASSWORD)).status).toBe(200);
  await page.reload();
  await page.getByRole('button', { name: 'Change password' }).waitFor(); // still signed in: the app list
  expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
});
