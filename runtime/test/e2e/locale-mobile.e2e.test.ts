/**
 * zh-CN: the language switcher translates the definition's labels and the renderer's own texts
 * (and is remembered). A 390 px wide phone window shows the list without the page itself
 * scrolling sideways (the table scrolls inside its own box; the menu is a drawer).
 */
import {
  REP1,
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
let desktop: Browser;
let phone: Browser;

beforeAll(async () => {
  t = await startExampleServer();
  [desktop, phone] = await Promise.all([openBrowser(), openBrowser({ width: 390, height: 844 })]);
  await Promise.all([signIn(desktop.page, t, REP1, '/contacts'), signIn(phone.page, t, REP1, '/contacts')]);
  desktop.errors.length = 0; // the signed-out first load's 401 is how the sign-in page appears
  phone.errors.length = 0;
}, 60_000);
afterAll(async () => {
  await Promise.all([desktop?.close(), phone?.close()]);
  await t?.close();
});

describe('language', () => {
  it('switches to 简体中文: menu, page title, columns and buttons', async () => {
    const page = desktop.page;
    await tableSettled(page);
    const title = page.getByRole('heading', { name: '联系人', level: 3 });
    // Under load a click can land on the option while its list is still animating in, and is lost
    // (seen in CI and here with a busy CPU: the list stays open on English); choose again then.
    for (let attempt = 0; attempt < 3 && !(await title.isVisible()); attempt++) {
      if (!(await page.getByTitle('简体中文').isVisible())) await page.getByRole('combobox', { name: 'Language' }).click();
      await page.getByTitle('简体中文').click();
      await title.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await title.waitFor();
    await page.getByRole('menuitem', { name: '商机管道' }).waitFor(); // "Pipeline"
    const headers = (await page.locator('.ant-table-thead th').allInnerTexts()).map((h) => h.trim());
    expect(headers).toEqual(expect.arrayContaining(['姓名', '职位', '公司', '邮箱', '状态', '负责人']));
    expect(await page.getByRole('button', { name: '新建' }).count()).toBe(1);
    await page.getByText(/共 \d+ 条/).waitFor(); // pager total
    expect((await tableRows(page).locator('.ant-tag').allInnerTexts()).some((s) => ['新建', '跟进中', '客户', '不活跃'].includes(s))).toBe(
      true,
    );
    await desktop.screenshot('locale-01-zh-CN-contacts');
    // Remembered on the next visit.
    await page.reload();
    await page.getByRole('heading', { name: '联系人', level: 3 }).waitFor();
    expect(await page.getByRole('combobox', { name: '语言' }).count()).toBe(1);
    expect(unexpectedErrors(desktop)).toEqual([]);
  });
});

describe('a 390 px wide phone', () => {
  it('renders the list without horizontal overflow of the page; the menu opens as a drawer', async () => {
    const page = phone.page;
    await tableSettled(page);
    const widths = await page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      view: window.innerWidth,
    }));
    expect(widths.view).toBe(390);
    expect(widths.doc).toBeLessThanOrEqual(390);
    expect(widths.body).toBeLessThanOrEqual(390);
    // Nothing sticks out to the right of the window (the wide table scrolls inside its own box).
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter(
          (el) =>
            !el.closest('.ant-table-content, .ant-table-body, .ant-table-container') &&
            el.getBoundingClientRect().right > window.innerWidth + 1 &&
            getComputedStyle(el).visibility !== 'hidden' &&
            el.getBoundingClientRect().width > 0,
        )
        .map((el) => `${el.tagName}.${el.className}`.slice(0, 80)),
    );
    expect(outside).toEqual([]);
    const scroller = page.locator('.ant-table-content, .ant-table-body').first();
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect(tableRows(page).count()).resolves.toBeGreaterThan(0);
    await phone.screenshot('mobile-01-contacts-390');
    // The side menu is not on screen; the header button opens it.
    expect(await page.getByRole('menuitem', { name: 'Pipeline' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'menu' }).click();
    await page.getByRole('menuitem', { name: 'Pipeline' }).click();
    await page.locator('[data-card-id]').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot('mobile-02-pipeline-390');
    expect(unexpectedErrors(phone)).toEqual([]);
  });
});
