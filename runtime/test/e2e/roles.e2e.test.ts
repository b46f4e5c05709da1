/**
 * What a restricted role sees: a rep (rows: own, no delete, read-only owner, an opportunity's
 * margin and the gross profit computed from it hidden) next to a manager (every row, every
 * field, delete), all as the example app defines them. A rep's contact may belong to another
 * rep's company: the rep sees "No access" there, never the company's id.
 */
import {
  APP,
  MANAGER,
  REP1,
  REP2,
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
  it("the rep sees only their own contacts; the manager sees everyone's", async () => {
    const all = (await t.api('GET', `${contacts}?count=true&limit=1`)).body.total;
    const own = (await repApi('GET', `${contacts}?count=true&limit=1`)).body.total;
    expect(own).toBeLessThan(all);
    await pager(rep)
      .filter({ hasText: `/ ${own} records` })
      .waitFor();
    await pager(manager)
      .filter({ hasText: `/ ${all} records` })
      .waitFor();
    expect(new Set(await columnTexts(rep.page, 'Owner'))).toEqual(new Set([REP1]));
    expect(new Set(await columnTexts(manager.page, 'Owner')).size).toBeGreaterThan(1);
    await rep.screenshot('roles-01-rep-own-rows', rep.page);
    await manager.screenshot('roles-02-manager-all-rows', manager.page);
  });

  it('a contact of the rep linked to another rep\'s company shows "No access" there, never the company id', async () => {
    const mine = (await repApi('GET', `${contacts}?limit=100`)).body.items as Array<{ id: string; company?: string; email: string }>;
    const readable = async (company: string) => (await repApi('GET', `/api/apps/${APP}/data/company/${company}`)).status === 200;
    const foreign: typeof mine = [];
    for (const c of mine) if (c.company && !(await readable(c.company))) foreign.push(c);
    expect(foreign.length).toBeGreaterThan(0); // the demo data links some of rep1's contacts to others' companies
    const cells = await eventually(
      () => columnTexts(rep.page, 'Company'),
      (c) => expect(c.filter((text) => text === 'No access')).toHaveLength(foreign.length),
    );
    expect(cells.some((text) => /co_\d+/.test(text))).toBe(false);
    // The manager reads every company: a name in the same place.
    const theirs = (await t.api('GET', `/api/apps/${APP}/data/company/${foreign[0].company}`)).body;
    await rep.screenshot('roles-02b-rep-no-access-company', rep.page);

    // The rep's form for that contact: the picker says "No access" too and keeps the link on save.
    await rep.page.goto(appUrl(t, `/contacts/${foreign[0].id}/edit`));
    const picker = rep.page.locator('.ant-form-item').filter({ hasText: 'Company' }).locator('.ant-select');
    await picker.getByText('No access').waitFor();
    expect(await picker.innerText()).not.toContain(foreign[0].company!);
    await rep.screenshot('roles-02c-rep-form-no-access-company', rep.page);
    await manager.page.goto(appUrl(t, `/contacts/${foreign[0].id}/edit`));
    await manager.page.locator('.ant-form-item').filter({ hasText: 'Company' }).locator('.ant-select').getByText(theirs.name).waitFor();
    await Promise.all([rep.page.goto(appUrl(t, '/contacts')), manager.page.goto(appUrl(t, '/contacts'))]);
    await Promise.all([tableSettled(rep.page), tableSettled(manager.page)]);
    expect(unexpectedErrors(rep)).toEqual([]);
  });

  it("the rep cannot open another rep's contact", async () => {
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
    await eventually(
      () => columnTexts(manager.page, 'Name'),
      (names) => expect(names).not.toContain(victim),
    );
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

  it("the example hides an opportunity's margin and gross profit from the rep, not from the manager", async () => {
    const opportunities = `/api/apps/${APP}/data/opportunity`;
    const mine = (await repApi('GET', `${opportunities}?limit=100`)).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.some((o: Record<string, unknown>) => 'grossProfit' in o || 'margin' in o)).toBe(false);
    const deal = mine[0];
    const full = (await t.api('GET', `${opportunities}/${deal.id}`)).body;
    expect(full).toMatchObject({ margin: expect.any(Number), grossProfit: Math.round((full.amount * full.margin) / 100) });

    // The deal's form: the manager edits the margin, the rep does not see it (nor its label).
    await Promise.all([rep.page.goto(appUrl(t, `/opportunities/${deal.id}`)), manager.page.goto(appUrl(t, `/opportunities/${deal.id}`))]);
    await Promise.all([rep.page.getByLabel('Probability (%)').waitFor(), manager.page.getByLabel('Probability (%)').waitFor()]);
    expect(await rep.page.getByLabel('Margin (%)').count()).toBe(0);
    expect(await rep.page.getByLabel('Probability (%)').isDisabled()).toBe(true); // read-only for reps
    expect(await manager.page.getByLabel('Margin (%)').inputValue()).toBe(String(full.margin));
    await rep.screenshot('roles-06-rep-opportunity-no-margin', rep.page);
    await manager.screenshot('roles-07-manager-opportunity-margin', manager.page);

    // The company's deals: no margin or gross profit column for the rep.
    await Promise.all([rep.page.goto(appUrl(t, `/companies/${deal.company}`)), manager.page.goto(appUrl(t, `/companies/${deal.company}`))]);
    for (const b of [rep, manager]) await b.page.getByRole('tab', { name: 'Opportunities' }).click();
    const headers = async (b: Browser) => {
      const table = b.page.locator('[data-component-id="companyOpportunities"] .ant-table');
      await tableRows(table).first().waitFor();
      return (await table.locator('.ant-table-thead th').allInnerTexts()).map((h) => h.trim());
    };
    expect(await headers(manager)).toEqual(expect.arrayContaining(['Amount', 'Margin (%)', 'Gross profit']));
    const repHeaders = await headers(rep);
    expect(repHeaders).toContain('Amount');
    expect(repHeaders).not.toContain('Margin (%)');
    expect(repHeaders).not.toContain('Gross profit');
    await rep.screenshot('roles-08-rep-company-deals-no-margin', rep.page);
    expect(unexpectedErrors(rep)).toEqual([]);
    expect(unexpectedErrors(manager)).toEqual([]);
  });
});
