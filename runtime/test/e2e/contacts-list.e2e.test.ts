/**
 * A sales rep signs in, finds the contacts through the menu built from the definition's
 * navigation, filters, sorts, pages with the cursor and opens one record.
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

let t: TestServer;
let b: Browser;
let repTotal: number;

beforeAll(async () => {
  t = await startExampleServer();
  b = await openBrowser();
  const rep = await apiAs(t, REP1);
  repTotal = (await rep('GET', `/api/apps/${APP}/data/contact?count=true&limit=1`)).body.total;
}, 60_000);
afterAll(async () => {
  await b?.close();
  await t?.close();
});

const pagerText = () => b.page.getByText(/\d+–\d+ \/ \d+ records/);

describe('contacts list, as a rep', () => {
  it('signs in and shows the menu of the definition', async () => {
    const page = b.page;
    await signIn(page, t, REP1);
    await b.screenshot('list-01-signed-in-dashboard');
    await page.getByText('Riley Rep (east)').waitFor();
    // Every entry of examples/b2b-sales navigation, in order (the "Sales" group is open).
    const items = (await page.getByRole('menuitem').allInnerTexts()).map((s) => s.trim());
    expect(items).toEqual(['Dashboard', 'Sales', 'Companies', 'Contacts', 'New contact', 'Leads', 'Pipeline', 'Activities']);
    b.errors.length = 0; // the 401 of the signed-out first load is how the sign-in page appears
  });

  it("opens the contacts list from the menu: only the rep's own rows, sorted by last name", async () => {
    const page = b.page;
    await page.getByRole('menuitem', { name: 'Contacts' }).click();
    await page.getByRole('heading', { name: 'Contacts', level: 3 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/apps/${APP}/contacts`);
    await tableSettled(page);
    await expect(pagerText().textContent()).resolves.toBe(`1–${Math.min(25, repTotal)} / ${repTotal} records`);
    expect(await tableRows(page).count()).toBe(Math.min(25, repTotal));
    expect(new Set(await columnTexts(page, 'Owner'))).toEqual(new Set([REP1]));
    const names = await columnTexts(page, 'Name');
    const last = names.map((n) => n.split(' ').slice(1).join(' '));
    expect(last).toEqual([...last].sort((a, c) => a.localeCompare(c)));
    await b.screenshot('list-02-contacts');
  });

  it('filters by status (column filter) and by the search box', async () => {
    const page = b.page;
    const statusHeader = page.locator('.ant-table-thead th').filter({ hasText: 'Status' });
    await statusHeader.getByRole('button').last().click(); // the filter trigger
    const dropdown = page.locator('.ant-table-filter-dropdown');
    await dropdown.getByRole('checkbox', { name: 'Customer' }).check();
    await dropdown.getByRole('button', { name: 'Close' }).click();
    await page.waitForFunction(() => !document.querySelector('.ant-table .ant-spin-spinning'));
    await expect(columnTexts(page, 'Status')).resolves.toEqual(expect.arrayContaining(['Customer']));
    const statuses = await columnTexts(page, 'Status');
    expect(new Set(statuses)).toEqual(new Set(['Customer']));
    expect(statuses.length).toBeLessThan(repTotal);
    await b.screenshot('list-03-filtered-customer');
    // Reset the column filter, then search a name.
    await statusHeader.getByRole('button').last().click();
    await dropdown.getByRole('button', { name: 'Reset' }).click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('.ant-table-tbody > tr.ant-table-row').length === n,
      Math.min(25, repTotal),
    );
    const someone = (await columnTexts(page, 'Name'))[3];
    const search = page.getByRole('searchbox', { name: 'Search…' });
    await search.fill(someone.split(' ')[1]);
    await search.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.ant-table-tbody > tr.ant-table-row').length < 10);
    const found = await columnTexts(page, 'Name');
    expect(found).toContain(someone);
    expect(found.every((n) => n.includes(someone.split(' ')[1]))).toBe(true);
    await b.screenshot('list-04-search');
    await search.fill('');
    await page.waitForFunction(
      (n) => document.querySelectorAll('.ant-table-tbody > tr.ant-table-row').length === n,
      Math.min(25, repTotal),
    );
  });

  it('sorts on the server by a clicked column, both ways', async () => {
    const page = b.page;
    const header = page.locator('.ant-table-thead th').filter({ hasText: 'Job title' });
    await header.click();
    await page.waitForFunction(() => document.querySelector('.ant-table-thead th[aria-sort="ascending"]'));
    await page.waitForFunction(() => !document.querySelector('.ant-table .ant-spin-spinning'));
    const asc = await columnTexts(page, 'Job title');
    expect(asc).toEqual([...asc].sort((a, c) => (a < c ? -1 : a > c ? 1 : 0)));
    await header.click();
    await page.waitForFunction(() => document.querySelector('.ant-table-thead th[aria-sort="descending"]'));
    await page.waitForFunction(() => !document.querySelector('.ant-table .ant-spin-spinning'));
    const desc = await columnTexts(page, 'Job title');
    expect(desc).toEqual([...desc].sort((a, c) => (a < c ? 1 : a > c ? -1 : 0)));
    expect(desc[0]).not.toBe(asc[0]);
    await b.screenshot('list-05-sorted-title-desc');
  });

  it('goes to the next page with the cursor and back', async () => {
    const page = b.page;
    // The rep owns fewer than 25 contacts: 10 per page makes a second page.
    await page.getByRole('combobox', { name: 'page size' }).click();
    await page.getByTitle('10 / page').click();
    await page.waitForFunction(() => document.querySelectorAll('.ant-table-tbody > tr.ant-table-row').length === 10);
    const first = await columnTexts(page, 'Name');
    const listCalls: string[] = [];
    page.on('request', (r) => r.url().includes('/data/contact?') && listCalls.push(r.url()));
    await page.getByRole('button', { name: 'Next' }).click();
    await pagerText()
      .filter({ hasText: `11–${Math.min(20, repTotal)} / ${repTotal} records` })
      .waitFor();
    const second = await columnTexts(page, 'Name');
    expect(second).toHaveLength(Math.min(10, repTotal - 10));
    expect(second.filter((n) => first.includes(n))).toEqual([]);
    expect(new URL(listCalls.at(-1)!).searchParams.get('cursor')).toBeTruthy();
    await b.screenshot('list-06-page-2');
    await page.getByRole('button', { name: 'Previous' }).click();
    await pagerText()
      .filter({ hasText: `1–10 / ${repTotal} records` })
      .waitFor();
    expect(await columnTexts(page, 'Name')).toEqual(first);
  });

  it('opens a record from its row', async () => {
    const page = b.page;
    const row = tableRows(page).nth(2);
    const name = (await columnTexts(page, 'Name'))[2];
    await row.locator('td').nth(2).click();
    await page.getByRole('heading', { name: 'Contact', level: 3 }).waitFor();
    expect(page.url()).toMatch(new RegExp(`/apps/${APP}/contacts/ct_\\d+/edit$`));
    const [firstName, ...rest] = name.split(' ');
    await expect(page.getByLabel('First name').inputValue()).resolves.toBe(firstName);
    await expect(page.getByLabel('Last name').inputValue()).resolves.toBe(rest.join(' '));
    await expect(page.getByLabel('Owner').inputValue()).resolves.toBe(REP1);
    await b.screenshot('list-07-record-open');
    expect(unexpectedErrors(b)).toEqual([]);
  });
});
