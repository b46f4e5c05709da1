/**
 * A rep creates a contact in the form (validation as they type, required fields block the
 * submit), finds it in the list, edits it, and meets a conflict when the record changed meanwhile.
 */
import type { Request } from 'playwright-core';
import {
  APP,
  REP1,
  apiAs,
  appUrl,
  columnTexts,
  eventually,
  openBrowser,
  signIn,
  startExampleServer,
  tableRows,
  tableSettled,
  unexpectedErrors,
  type Browser,
  type TestServer,
} from './app';
import type { ApiFn } from '../helpers/tessera';

let t: TestServer;
let b: Browser;
let rep: ApiFn;
const posts: Request[] = [];
const contacts = `/api/apps/${APP}/data/contact`;
// "Aaberg" sorts first by last name, so the new contact is on the first page.
const NEW = { first: 'Ada', last: 'Aaberg', email: 'ada.aaberg@example.org', title: 'Buyer' };

beforeAll(async () => {
  t = await startExampleServer();
  rep = await apiAs(t, REP1);
  b = await openBrowser();
  b.page.on('request', (r) => r.method() !== 'GET' && r.url().includes('/data/contact') && posts.push(r));
  await signIn(b.page, t, REP1, '/contacts/new');
  b.errors.length = 0; // the signed-out first load's 401 is how the sign-in page appears
}, 60_000);
afterAll(async () => {
  await b?.close();
  await t?.close();
});

const help = (label: string) =>
  b.page
    .locator('.ant-form-item')
    .filter({ has: b.page.getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain');

describe('contact form, as a rep', () => {
  it('shows the email message while typing, before any submit', async () => {
    const page = b.page;
    await page.getByRole('heading', { name: 'New contact', level: 3 }).waitFor();
    await page.getByLabel('Email', { exact: true }).pressSequentially('ada.aaberg@', { delay: 10 });
    await help('Email').filter({ hasText: 'Enter a valid email address' }).waitFor();
    expect(posts).toHaveLength(0);
    await b.screenshot('form-01-invalid-email');
  });

  it('refuses to submit while a required field is empty', async () => {
    const page = b.page;
    await page.getByLabel('First name').fill(NEW.first);
    await page.getByRole('button', { name: 'Create contact' }).click();
    await help('Last name').filter({ hasText: 'Required' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Please fix the highlighted fields.' }).waitFor();
    expect(posts).toHaveLength(0); // nothing was sent
    expect(new URL(page.url()).pathname).toBe(`/apps/${APP}/contacts/new`);
    await b.screenshot('form-02-required-blocks-submit');
  });

  it('saves a valid contact, which then shows in the list', async () => {
    const page = b.page;
    await page.getByLabel('Last name').fill(NEW.last);
    await page.getByLabel('Email', { exact: true }).fill(NEW.email);
    await page.getByLabel('Job title').fill(NEW.title);
    await help('Email').waitFor({ state: 'detached' }); // the message goes once the address is valid
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(contacts));
    await page.getByRole('button', { name: 'Create contact' }).click();
    expect((await created).status()).toBe(201);
    await page.getByText('Created', { exact: true }).waitFor(); // the success toast
    await page.getByRole('heading', { name: 'Contacts', level: 3 }).waitFor(); // afterSubmit: the list
    await tableSettled(page);
    expect((await columnTexts(page, 'Name'))[0]).toBe(`${NEW.first} ${NEW.last}`);
    expect((await columnTexts(page, 'Email'))[0]).toBe(NEW.email);
    expect((await columnTexts(page, 'Owner'))[0]).toBe(REP1); // filled in by the server
    await b.screenshot('form-03-created-in-list');
  });

  it('edits it from the list', async () => {
    const page = b.page;
    await tableRows(page).first().locator('td').nth(2).click();
    await page.getByRole('heading', { name: 'Contact', level: 3 }).waitFor();
    await expect(page.getByLabel('Last name').inputValue()).resolves.toBe(NEW.last);
    // The owner is read-only for reps.
    expect(await page.getByLabel('Owner').isDisabled()).toBe(true);
    const save = page.getByRole('button', { name: 'Save' });
    expect(await save.isDisabled()).toBe(true); // nothing changed yet
    await page.getByLabel('Job title').fill('Head of Purchasing');
    const patched = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await save.click();
    expect((await patched).status()).toBe(200);
    await page.getByRole('heading', { name: 'Contacts', level: 3 }).waitFor();
    await tableSettled(page);
    await eventually(
      () => columnTexts(page, 'Job title'),
      (titles) => expect(titles[0]).toBe('Head of Purchasing'),
    );
    await b.screenshot('form-04-edited-in-list');
  });

  it('shows the conflict instead of overwriting a change made meanwhile', async () => {
    const page = b.page;
    const { items } = (await rep('GET', `${contacts}?filter=${encodeURIComponent(JSON.stringify({ email: NEW.email }))}`)).body;
    const id = items[0].id;
    await page.goto(appUrl(t, `/contacts/${id}/edit`));
    await page.getByLabel('Job title').waitFor();
    await page.getByLabel('Job title').fill('My stale title');
    // Someone else changes the record while the form is open.
    const other = await rep('PATCH', `${contacts}/${id}`, { title: 'Changed via the API' });
    expect(other.status).toBe(200);
    const conflict = page.getByRole('alert').filter({ hasText: 'Changed by someone else' });
    await conflict.waitFor({ timeout: 3000 }); // announced by the live stream
    await b.screenshot('form-05-conflict-announced');
    // Saving anyway is refused by the server (If-Match), and nothing is overwritten.
    const refused = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Save' }).click();
    expect((await refused).status()).toBe(412);
    await conflict.waitFor();
    expect(new URL(page.url()).pathname).toBe(`/apps/${APP}/contacts/${id}/edit`);
    expect((await rep('GET', `${contacts}/${id}`)).body.title).toBe('Changed via the API');
    await b.screenshot('form-06-conflict-after-save');
    // "Reload" shows the other person's value.
    await conflict.getByRole('button', { name: 'Reload' }).click();
    await eventually(
      () => page.getByLabel('Job title').inputValue(),
      (v) => expect(v).toBe('Changed via the API'),
    );
    expect(await conflict.count()).toBe(0);
    // The 412 is the refused save (the browser logs failed requests); nothing else may be logged.
    expect(unexpectedErrors(b, [412])).toEqual([]);
  });
});
