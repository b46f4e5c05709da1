/**
 * The server dies (SIGKILL) in the middle of a rep's big CSV import and is started again: the
 * open import dialog keeps asking, the restarted server resumes the import after the last row
 * it had committed (the file is kept in the store), and the dialog reports every row imported,
 * each stored exactly once. The server runs in a child process, so it can really die, and the 100,000-row
 * import does not slow down this process, which drives the browser.
 */
import { startChild, type ChildServer } from '../helpers/tessera-child';
import { APP, REP1, openBrowser, signIn, startExampleServer, tableSettled, unexpectedErrors, type Browser, type TestServer } from './app';

let t: TestServer;
let server: ChildServer | undefined;
let b: Browser;

beforeAll(async () => {
  t = await startExampleServer(); // the example app, demo users and an admin key in a fresh data directory…
  await t.running.stop(); // …served from here on by child processes on the same port
  server = await startChild(t.dataDir, Number(new URL(t.url).port));
  b = await openBrowser();
  await signIn(b.page, t, REP1, '/contacts');
  b.errors.length = 0; // the signed-out first load's 401 is how the sign-in page appears
}, 60_000);
afterAll(async () => {
  await b?.close();
  await server?.kill();
  await t?.close();
});

const ROWS = 100_000;
const bigCsv = () =>
  ['First name,Last name,email', ...Array.from({ length: ROWS }, (_, i) => `Bulk,Restart${i},bulk.restart${i}@example.net`)].join('\n');

describe('an import when the server dies', () => {
  it('the restarted server finishes the import and the dialog reports every row', async () => {
    const page = b.page;
    await tableSettled(page);
    // The list shows new records live, at the top; narrowed by a search the imported rows do not
    // match, it is not asked to show thousands of them while the test watches the dialog.
    const search = page.getByRole('searchbox', { name: 'Search…' });
    await search.fill('Fischer');
    await search.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.ant-table-tbody > tr.ant-table-row').length <= 2);
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import Contacts from CSV' });
    await dialog.locator('input[type=file]').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(bigCsv()) });
    await dialog.getByText('big.csv').waitFor();
    const started = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/data/contact/import'));
    await dialog.getByRole('button', { name: 'Import' }).click();
    // The job's address from the Location header (playwright does not hand out this response's body).
    const jobUrl = (await started).headers().location;
    expect(jobUrl).toMatch(/\/imports\/[\w-]+$/);
    await dialog.getByText(new RegExp(`Importing… [1-9]\\d* of ${ROWS} rows`)).waitFor({ timeout: 20_000 });
    await b.screenshot('import-restart-01-running');

    await server!.kill();
    server = await startChild(t.dataDir, Number(new URL(t.url).port));

    // Still running for the user (no "interrupted"): the restarted server takes the import over once the killed one's lease has run out.
    const notice = dialog.getByText(`Imported ${ROWS} records; 0 rows failed.`);
    await notice.waitFor({ timeout: 60_000 });
    const job = (await t.api('GET', jobUrl)).body;
    expect(job).toMatchObject({ status: 'done', total: ROWS, processed: ROWS, created: ROWS, failed: 0 });
    const stored = await t.api(
      'GET',
      `/api/apps/${APP}/data/contact?count=exact&limit=1&filter=${encodeURIComponent(JSON.stringify({ firstName: 'Bulk' }))}`,
    );
    expect(stored.body.total).toBe(ROWS);
    await b.screenshot('import-restart-02-resumed');
    // Only the browser's own lines for the requests refused while no server was listening.
    expect(
      unexpectedErrors(b).filter(
        (e) => !/ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|Failed to fetch|ERR_INCOMPLETE_CHUNKED_ENCODING/.test(e),
      ),
    ).toEqual([]);
  }, 150_000);
});
