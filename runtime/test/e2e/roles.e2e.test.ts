/**
 * What a restricted role sees: a rep (rows: own, no delete, read-only owner) next to a manager
 * (every row, delete). The example app hides no field from reps (rep fields are only
 * read-only), so the last test publishes a variant hiding `lastContactedAt` from reps and checks
 * the rep's open page drops it on the live `published` event while the manager keeps it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXAMPLES_DIR } from '../../src/bootstrap';
import { APP, MANAGER, REP1, REP2, apiAs, appUrl, columnTexts, eventually, openBrowser, signIn, startExampleServer, tableRows, tableSettled, unexpectedErrors, type Browser, type TestServer } from './app';
import type { ApiFn } from '../helpers/tessera';

let t: TestServer;
let rep: Browser;
let manager: Browser;
let repApi: ApiFn;
const contacts = `/api/apps/${APP}/data/contact`;
const pager = (b: Browser) => b.page.getByText(/\d+–\d+ \/ \d+ records/);

beforeAll(async () => {
  t = await startExampleServer();
  repApi = await apiAs(t, REP1);
  [rep, manager] = await Promise.all([openBrowser(), openBrowser()]);
  await Promise.all([signIn(rep.page, t, REP1, '/contacts'), signIn(manager.page, t, MANAGER, '/contacts')]);
  rep.errors.length = 0; // the signed-out first load's 401 is how the sign-in page appears
  manager.errors.length = 0;
  await Promise.all([tableSettled(rep.page), tableSettled(manager.page)]);
}, 60_000);
afterAll(async () => {
  await Promise.all([rep?.close(), manager?.close()]);
  await t?.close();
});

describe('a rep next to a manager', () => {
  it('the rep sees only their own contacts; the manager sees everyone\'s', async () => {
    const all = (await t.api('GET', `${contacts}?count=true&limit=1`)).body.total;
    const own = (await repApi('GET', `${contacts}?count=true&limit=1`)).body.total;
    expect(own).toBeLessThan(all);
    await pager(rep).filter({ hasText: `/ ${own} records` }).waitFor();
    await pager(manager).filter({ hasText: `/ ${all} records` }).waitFor();
    expect(new Set(await columnTexts(rep.page, 'Owner'))).toEqual(new Set([REP1]));
    expect(new Set(await columnTexts(manager.page, 'Owner')).size).toBeGreaterThan(1);
    await rep.screenshot('roles-01-rep-own-rows', rep.page);
    await manager.screenshot('roles-02-manager-all-rows', manager.page);
  });

  it('the rep cannot open another rep\'s contact', async () => {
    const theirs = (await t.api('GET', `${contacts}?filter=${encodeURIComponent(JSON.stringify({ owner: REP2 }))}&limit=1`)).body.items[0];
    await rep.page.goto(appUrl(t, `/contacts/${theirs.id}/edit`));
    await rep.page.getByRole('alert').filter({ hasText: 'This record does not exist or you cannot see it.' }).waitFor();
    expect(await rep.page.getByLabel('First name').count()).toBe(0);
    await rep.screenshot('roles-03-rep-other-record-404', rep.page);
    expect(unexpectedErrors(rep, [404])).toEqual([]);
    rep.errors.length = 0;
    await rep.page.goto(appUrl(t, '/contacts'));
    await tableSettled(rep.page);
  });

  it('the rep cannot delete nor reassign; the manager can', async () => {
    await tableRows(rep.page).first().getByRole('checkbox').check();
    await rep.page.getByText('1 selected').waitFor();
    expect(await rep.page.getByRole('button', { name: 'Delete selected' }).count()).toBe(0);
    await rep.screenshot('roles-04-rep-selected-no-delete', rep.page);

    const victim = (await columnTexts(manager.page, 'Name'))[0];
    await tableRows(manager.page).first().getByRole('checkbox').check();
    await manager.page.getByRole('button', { name: 'Delete selected' }).click();
    const confirm = manager.page.getByRole('dialog').filter({ hasText: 'Delete 1 records?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await eventually(() => columnTexts(manager.page, 'Name'), (names) => expect(names).not.toContain(victim));
    await manager.screenshot('roles-05-manager-deleted', manager.page);

    // The owner field: read-only for the rep, editable for the manager.
    await tableRows(rep.page).first().locator('td').nth(2).click();
    await tableRows(manager.page).first().locator('td').nth(2).click();
    await rep.page.getByLabel('Owner').waitFor();
    await manager.page.getByLabel('Owner').waitFor();
    expect(await rep.page.getByLabel('Owner').isDisabled()).toBe(true);
    expect(await manager.page.getByLabel('Owner').isDisabled()).toBe(false);
    await Promise.all([rep.page.goto(appUrl(t, '/contacts')), manager.page.goto(appUrl(t, '/contacts'))]);
    await Promise.all([tableSettled(rep.page), tableSettled(manager.page)]);
  });

  it('a field hidden from reps disappears from the rep\'s open list on publish, not from the manager\'s', async () => {
    const header = (b: Browser) => b.page.locator('.ant-table-thead th').filter({ hasText: 'Last contacted' });
    expect(await header(rep).count()).toBe(1);
    const definition = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, APP, 'app.json'), 'utf8'));
    const contact = definition.entities.find((e: { id: string }) => e.id === 'contact');
    contact.permissions.find((p: { role: string }) => p.role === 'rep').fields.lastContactedAt = 'hidden';
    expect((await t.api('PUT', `/api/apps/${APP}`, definition)).status).toBe(200);
    expect((await t.api('POST', `/api/apps/${APP}/publish`, { note: 'hide lastContactedAt from reps' })).status).toBe(201);

    await rep.page.getByText('A new version of this app was published.').waitFor();
    await header(rep).waitFor({ state: 'detached' });
    await rep.screenshot('roles-06-rep-field-hidden', rep.page);
    expect(await header(manager).count()).toBe(1);
    expect((await columnTexts(manager.page, 'Last contacted')).some((v) => /\d{4}/.test(v))).toBe(true);
    // Not in the rep's records either, nor in the edit form.
    const first = (await repApi('GET', `${contacts}?limit=5`)).body.items;
    expect(first.every((r: Record<string, unknown>) => !('lastContactedAt' in r))).toBe(true);
    await tableRows(rep.page).first().locator('td').nth(2).click();
    await rep.page.getByLabel('Owner').waitFor();
    expect(await rep.page.getByLabel('Last contacted').count()).toBe(0);
    expect(unexpectedErrors(rep)).toEqual([]);
    expect(unexpectedErrors(manager)).toEqual([]);
  });
});
