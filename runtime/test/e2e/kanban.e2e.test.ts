/**
 * A rep drags an opportunity card to another stage with the real mouse (dnd-kit's pointer
 * sensor); the move is saved (PATCH), survives a reload, and the API shows the new stage.
 */
import type { Page } from 'playwright-core';
import { APP, REP1, apiAs, openBrowser, signIn, startExampleServer, unexpectedErrors, type Browser, type TestServer } from './app';
import type { ApiFn } from '../helpers/tessera';

let t: TestServer;
let b: Browser;
let rep: ApiFn;

beforeAll(async () => {
  t = await startExampleServer();
  rep = await apiAs(t, REP1);
  b = await openBrowser({ width: 1600, height: 900 });
  await signIn(b.page, t, REP1, '/opportunities');
  b.errors.length = 0; // the signed-out first load's 401 is how the sign-in page appears
}, 60_000);
afterAll(async () => {
  await b?.close();
  await t?.close();
});

const card = (page: Page, id: string) => page.locator(`[data-card-id="${id}"]`);
const lane = (page: Page, stage: string) => page.locator(`[data-lane="${stage}"]`);
const laneOf = (page: Page, id: string) => card(page, id).evaluate((el) => el.closest('[data-lane]')?.getAttribute('data-lane'));

/** Press on the card's title, move in steps (dnd-kit activates after 6 px and tracks pointermove), release over the lane. */
async function dragCard(page: Page, id: string, stage: string): Promise<void> {
  const from = (await card(page, id).boundingBox())!;
  await lane(page, stage).scrollIntoViewIfNeeded();
  const to = (await lane(page, stage).boundingBox())!;
  const start = { x: from.x + 30, y: from.y + 14 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 10, start.y + 4, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 12 });
  await page.mouse.move(to.x + to.width / 2 + 2, to.y + 82, { steps: 2 });
  await page.mouse.up();
}

describe('pipeline kanban, as a rep', () => {
  it('moves a card to another stage by dragging, saved on the server and kept after a reload', async () => {
    const page = b.page;
    await page.getByRole('heading', { name: 'Pipeline', level: 3 }).waitFor();
    await page.locator('[data-card-id]').first().waitFor();
    // One of the rep's prospecting deals, to Qualification.
    const deal = (
      await rep('GET', `/api/apps/${APP}/data/opportunity?filter=${encodeURIComponent('{"stage":"prospecting"}')}&sort=closeDate`)
    ).body.items[0];
    expect(deal).toBeDefined();
    expect(await laneOf(page, deal.id)).toBe('prospecting');
    const before = await lane(page, 'qualification').locator('[data-card-id]').count();
    await b.screenshot('kanban-01-before-drag');

    const patch = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/opportunity/${deal.id}`));
    await dragCard(page, deal.id, 'qualification');
    const res = await patch;
    expect(res.status()).toBe(200);
    expect(JSON.parse(res.request().postData()!)).toEqual({ stage: 'qualification' });
    expect(await laneOf(page, deal.id)).toBe('qualification');
    expect(await lane(page, 'qualification').locator('[data-card-id]').count()).toBe(before + 1);
    // The drop did not also count as a click that opens the deal.
    expect(new URL(page.url()).pathname).toBe(`/apps/${APP}/opportunities`);
    await b.screenshot('kanban-02-after-drag');

    await page.reload();
    await card(page, deal.id).waitFor();
    expect(await laneOf(page, deal.id)).toBe('qualification');
    await b.screenshot('kanban-03-after-reload');
    const saved = (await rep('GET', `/api/apps/${APP}/data/opportunity/${deal.id}`)).body;
    expect(saved).toMatchObject({ stage: 'qualification', version: deal.version + 1 });
  });

  it('a card dropped outside any lane stays where it was', async () => {
    const page = b.page;
    const deal = (await rep('GET', `/api/apps/${APP}/data/opportunity?filter=${encodeURIComponent('{"stage":"proposal"}')}`)).body.items[0];
    const from = (await card(page, deal.id).boundingBox())!;
    let patched = false;
    page.on('request', (r) => r.method() === 'PATCH' && (patched = true));
    await page.mouse.move(from.x + 30, from.y + 14);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 20, { steps: 3 });
    await page.mouse.move(from.x + 40, 860, { steps: 10 }); // below the lanes
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(patched).toBe(false);
    expect(await laneOf(page, deal.id)).toBe('proposal');
    expect(unexpectedErrors(b)).toEqual([]);
  });
});
