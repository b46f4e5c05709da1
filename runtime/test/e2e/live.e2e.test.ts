/**
 * Two browsers (separate profiles, separate sessions) on the same contacts list: a change made
 * in one, or through the API, shows in the other within a second, without a reload.
 */
import {
  APP,
  REP1,
  apiAs,
  columnTexts,
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
let a: Browser;
let b: Browser;
let rep: ApiFn;
const contacts = `/api/apps/${APP}/data/contact`;

beforeAll(async () => {
  t = await startExampleServer();
  rep = await apiAs(t, REP1);
  [a, b] = await Promise.all([openBrowser(), openBrowser()]);
  // Both pages must hold their live stream (SSE) before any change is made.
  const streams = [a, b].map((x) =>
    x.page.waitForResponse((r) => r.url().includes(`/api/apps/${APP}/live`) && r.status() === 200, { timeout: 20_000 }),
  );
  await Promise.all([signIn(a.page, t, REP1, '/contacts'), signIn(b.page, t, REP1, '/contacts')]);
  await Promise.all(streams);
  a.errors.length = 0; // the signed-out first load's 401 is how the sign-in page appears
  b.errors.length = 0;
  await Promise.all([tableSettled(a.page), tableSettled(b.page)]);
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await t?.close();
});

describe('live list', () => {
  it('an edit saved in one browser shows in the other within a second, without reload', async () => {
    const navigations: string[] = [];
    b.page.on('framenavigated', (f) => f === b.page.mainFrame() && navigations.push(f.url()));
    const name = (await columnTexts(b.page, 'Name'))[1];
    await tableRows(a.page).nth(1).locator('td').nth(2).click();
    await a.page.getByLabel('Job title').fill('Chief Live Officer');
    const saved = a.page.waitForResponse((r) => r.request().method() === 'PATCH');
    await a.page.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    const t0 = Date.now();
    await tableRows(b.page).filter({ hasText: name }).filter({ hasText: 'Chief Live Officer' }).waitFor({ timeout: 1000 });
    console.log(`edit in browser A visible in browser B after ${Date.now() - t0} ms`);
    expect(navigations).toEqual([]);
    await b.screenshot('live-01-edit-from-other-browser', b.page);
  });

  it('a contact created through the API appears at the top of both lists within a second', async () => {
    const created = await rep('POST', contacts, {
      firstName: 'Lia',
      lastName: 'Livefeed',
      email: 'lia.livefeed@example.org',
      title: 'Observer',
    });
    expect(created.status).toBe(201);
    const t0 = Date.now();
    await Promise.all(
      [a.page, b.page].map(async (page) => {
        // page A is back on the list after its save (afterSubmit)
        await tableRows(page).first().filter({ hasText: 'Lia Livefeed' }).waitFor({ timeout: 1000 });
      }),
    );
    console.log(`API create visible in both browsers after ${Date.now() - t0} ms`);
    // The new row is marked as fresh for the user.
    expect(await tableRows(b.page).first().getAttribute('class')).toContain('tessera-row-fresh');
    await b.screenshot('live-02-created-via-api', b.page);

    // And a delete (by an admin: reps may not delete) takes it away again.
    expect((await t.api('DELETE', `${contacts}/${created.body.id}`)).status).toBe(204);
    await tableRows(b.page).filter({ hasText: 'Lia Livefeed' }).waitFor({ state: 'detached', timeout: 1000 });
    expect(unexpectedErrors(a)).toEqual([]);
    expect(unexpectedErrors(b)).toEqual([]);
  });
});
