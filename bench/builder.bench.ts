/**
 * `npm run bench:builder`: the visual builder with a big app, in headless chromium.
 *
 * An app of 100 entities (~8 fields, relations between them) and one page of 300 components
 * (rows → columns → tables, forms, lists, KPIs, charts, texts; cards of texts) is created through
 * the API of a Tessera started as a child process; then, each in a fresh browser profile:
 *  - load → canvas: navigation start → the Pages screen shows all 300 canvas components, and the
 *    ones in view are rendered by the runtime renderer (tables with rows, charts drawn). The
 *    editor opens on the Data screen; the benchmark clicks "Pages" as soon as it exists.
 *  - load → ER diagram: navigation start → the Diagram tab shows 100 entity nodes and their edges.
 * and in one session:
 *  - property edit: a key typed into a property field → the canvas shows the change, painted
 *    (keydown event time → first animation frame after the canvas DOM changed). Two fields:
 *    a text's content (markdown) and a table's title.
 *  - drag and drop: pointer released over the canvas → the dropped component is painted there,
 *    for a palette item (add, then undo) and for moving a component between columns.
 * Interactions are spaced like a brisk user (BENCH_PAUSE_MS, default 250 ms), so the builder's
 * debounced validation and autosave run in between as they would for a person.
 *
 * BENCH_LOADS (default 5), BENCH_OPS (default 20), BENCH_ENTITIES (100), BENCH_COMPONENTS (300).
 * BENCH_ONLY=loads|ops runs one half. BENCH_BUILDER_DIST=<dir> measures the builder build in
 * <dir> instead of builder-ui/dist (bench/builder/dist-proxy.ts); BENCH_PROFILE=<dir> writes CPU
 * profiles of the first cold loads and of each interaction series there and prints summaries
 * (bench/builder/profile.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { APP_ID, bigApp, countComponents } from './builder/big-app';
import { freshBrowser } from './builder/browser';
import { startDistProxy } from './builder/dist-proxy';
import { startProfile } from './builder/profile';
import { formatMarkdown, formatTable, type Series } from './builder/stats';
import { startChild, type RunningChild } from './lib/child';

const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const OPS = Number(process.env.BENCH_OPS ?? 20);
const PAUSE = Number(process.env.BENCH_PAUSE_MS ?? 250);
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 100);
const COMPONENTS = Number(process.env.BENCH_COMPONENTS ?? 300);
const ONLY = process.env.BENCH_ONLY;
const PROFILE = process.env.BENCH_PROFILE;
const root = path.resolve(__dirname, '..');
const ADMIN = { email: 'bench@example.com', password: 'builder bench password' };

async function api(server: RunningChild, cookie: string, method: string, route: string, body?: unknown) {
  const res = await fetch(server.url + route, {
    method,
    headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

async function signIn(server: RunningChild): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('sign-in: no session cookie');
  return cookie;
}

/** In the page: true once every canvas component exists and the ones in view are rendered by the runtime. */
function canvasReady(expected: number): number | false {
  const nodes = document.querySelectorAll('[data-testid^="canvas-"]');
  if (nodes.length < expected) return false;
  const view = document.querySelector('[data-testid="canvas"]')?.closest('.ant-layout-content')?.getBoundingClientRect();
  if (!view) return false;
  for (const n of Array.from(nodes)) {
    const id = (n as HTMLElement).dataset.testid!.slice('canvas-'.length);
    const r = n.getBoundingClientRect();
    if (r.bottom < view.top || r.top > view.bottom || n.querySelector('[data-testid^="canvas-"]')) continue; // out of view, or a container
    if (n.querySelector('[data-testid="preview-placeholder"]')) return false; // not rendered yet
    if (/^table/.test(id) && !n.querySelector('.ant-table-row')) return false;
    if (/^chart/.test(id) && !n.querySelector('canvas, svg')) return false;
    if (/^(kpi|list|form)/.test(id) && n.querySelector('.ant-spin-spinning, .ant-skeleton')) return false;
  }
  return performance.now();
}

function diagramReady(expected: number): number | false {
  return (
    document.querySelectorAll('.react-flow__node').length >= expected &&
    document.querySelectorAll('.react-flow__edge').length > 0 &&
    performance.now()
  );
}

/** Writes the profile and prints its summary (BENCH_PROFILE only). */
async function profiled(page: Page, name: string | false): Promise<() => Promise<void>> {
  if (!PROFILE || !name) return async () => {};
  const stop = await startProfile(page, name.startsWith('load'));
  return async () => console.log(`\n${name}: ${await stop(path.resolve(PROFILE, `${name}.cpuprofile`))}\n`);
}

async function coldLoad(
  baseUrl: string,
  cookie: string,
  target: 'canvas' | 'diagram',
  profile: string | false,
): Promise<{ ms: number; shellMs: number; errors: string[] }> {
  const b = await freshBrowser(baseUrl, cookie);
  try {
    const { page } = b;
    const stopProfile = await profiled(page, profile);
    await page.goto(`${baseUrl}/builder/#/apps/${APP_ID}`, { waitUntil: 'commit' });
    const nav = target === 'canvas' ? page.getByRole('menuitem', { name: 'Pages' }) : page.getByRole('tab', { name: 'Diagram' });
    await nav.waitFor({ timeout: 60_000 });
    const shellMs = await page.evaluate(() => performance.now());
    await nav.click();
    const ms =
      target === 'canvas'
        ? await (await page.waitForFunction(canvasReady, COMPONENTS, { polling: 'raf', timeout: 120_000 })).jsonValue()
        : await (await page.waitForFunction(diagramReady, ENTITIES, { polling: 'raf', timeout: 120_000 })).jsonValue();
    await stopProfile();
    return { ms: ms as number, shellMs, errors: b.errors };
  } finally {
    await b.close();
  }
}

/**
 * In the page: resolves with the ms from the first `trigger` event (keydown / pointerup) to the
 * first animation frame after `done()` became true on a DOM change under `[data-testid=canvas]`.
 */
function armLatency(page: Page, trigger: 'keydown' | 'pointerup', done: string) {
  // A string, not a function: tsx's keepNames would wrap inner functions in a `__name` helper the page lacks.
  return page.evaluateHandle(`({ result: new Promise((resolve, reject) => {
    const done = ${done};
    let t0 = null;
    const onEvent = (e) => { if (t0 === null) t0 = e.timeStamp; };
    document.addEventListener('${trigger}', onEvent, true);
    const canvas = document.querySelector('[data-testid="canvas"]');
    const timer = setTimeout(() => reject(new Error('no change within 10 s')), 10000);
    const mo = new MutationObserver(() => {
      if (t0 === null || !done()) return;
      mo.disconnect();
      requestAnimationFrame(() => {
        const t1 = performance.now();
        clearTimeout(timer);
        document.removeEventListener('${trigger}', onEvent, true);
        resolve(t1 - t0);
      });
    });
    mo.observe(canvas, { subtree: true, childList: true, characterData: true, attributes: true });
  }) })`);
}

async function dragTo(page: Page, from: string, to: string): Promise<void> {
  const a = (await page.locator(from).boundingBox())!;
  const b = (await page.locator(to).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 6, { steps: 3 });
  // Over the target's header strip: "insert before this component".
  await page.mouse.move(b.x + b.width / 2, b.y + 12, { steps: 8 });
  await page.waitForTimeout(50);
  await page.mouse.up();
}

async function interactions(baseUrl: string, cookie: string): Promise<{ series: Series[]; errors: string[] }> {
  const b = await freshBrowser(baseUrl, cookie);
  const { page } = b;
  try {
    await page.goto(`${baseUrl}/builder/#/apps/${APP_ID}`);
    await page.getByRole('menuitem', { name: 'Pages' }).click();
    await page.waitForFunction(canvasReady, COMPONENTS, { polling: 'raf', timeout: 120_000 });
    await page.waitForTimeout(1000);
    const pause = () => page.waitForTimeout(PAUSE);

    // Property edit 1: a text's content (markdown textarea) → the text on the canvas.
    const typed = 'qwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnm'.slice(0, OPS);
    const textEdit: number[] = [];
    await page.locator('[data-testid="canvas-text1_0"] > div').first().click();
    const content = page.getByTestId('property-panel').locator('[aria-label="content"]');
    await content.click();
    await page.keyboard.press('End');
    let stopProfile = await profiled(page, 'edit-text');
    for (let i = 1; i <= typed.length; i++) {
      const h = await armLatency(
        page,
        'keydown',
        `() => document.querySelector('[data-testid="canvas-text1_0"]').textContent.includes('section.${typed.slice(0, i)}')`,
      );
      await page.keyboard.type(typed[i - 1]);
      textEdit.push(await h.evaluate((o: { result: Promise<number> }) => o.result));
      await pause();
    }

    await stopProfile();

    // Property edit 2: a table's title (label input) → the table's heading on the canvas.
    const titleEdit: number[] = [];
    await page.locator('[data-testid="canvas-table1_2"] > div').first().click();
    await page.getByTestId('property-panel').getByRole('tab', { name: 'Properties' }).click();
    const title = page.getByTestId('property-panel').locator('input[aria-label="title"]');
    await title.click();
    await page.keyboard.press('End');
    stopProfile = await profiled(page, 'edit-title');
    for (let i = 1; i <= typed.length; i++) {
      const h = await armLatency(
        page,
        'keydown',
        `() => document.querySelector('[data-testid="canvas-table1_2"]').textContent.includes('table1_2${typed.slice(0, i)}')`,
      );
      await page.keyboard.type(typed[i - 1]);
      titleEdit.push(await h.evaluate((o: { result: Promise<number> }) => o.result));
      await pause();
    }

    await stopProfile();

    // Drop a palette item (Text) before a component; undo it before the next one.
    stopProfile = await profiled(page, 'drop');
    const count = () => page.locator('[data-testid^="canvas-"]').count();
    const before = await count();
    const paletteDrop: number[] = [];
    for (let i = 0; i < OPS; i++) {
      const h = await armLatency(page, 'pointerup', `() => document.querySelectorAll('[data-testid^="canvas-"]').length === ${before + 1}`);
      await dragTo(page, '[data-testid="palette-text"]', '[data-testid="canvas-kpi1_1"]');
      paletteDrop.push(await h.evaluate((o: { result: Promise<number> }) => o.result));
      await pause();
      await page.getByTestId('undo').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="canvas-"]').length === n, before);
      await pause();
    }

    await stopProfile();

    // Move a component between the first two columns and back.
    stopProfile = await profiled(page, 'move');
    const move: number[] = [];
    for (let i = 0; i < OPS; i++) {
      const into = i % 2 === 0 ? 'col1' : 'col0';
      const target = i % 2 === 0 ? 'kpi1_1' : 'chart0_1';
      const h = await armLatency(
        page,
        'pointerup',
        `() => !!document.querySelector('[data-testid="canvas-${into}"] [data-testid="canvas-text0_0"]')`,
      );
      await dragTo(page, '[aria-label="drag text0_0"]', `[data-testid="canvas-${target}"]`);
      move.push(await h.evaluate((o: { result: Promise<number> }) => o.result));
      await pause();
    }
    await stopProfile();

    return {
      errors: b.errors,
      series: [
        { name: 'property edit: text content → canvas', target: 50, on: 'p95', samples: textEdit },
        { name: 'property edit: table title → canvas', target: 50, on: 'p95', samples: titleEdit },
        { name: 'drop palette item → on canvas', target: 50, on: 'p95', samples: paletteDrop },
        { name: 'move component → on canvas', target: 50, on: 'p95', samples: move },
      ],
    };
  } catch (err) {
    const file = path.join(root, 'test-artifacts/screenshots/bench-builder-failure.png');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file }).catch(() => {});
    throw new Error(`${(err as Error).message} (screenshot: ${file})`, { cause: err });
  } finally {
    await b.close();
  }
}

async function main(): Promise<void> {
  for (const f of [...(process.env.BENCH_BUILDER_DIST ? [] : ['builder-ui/dist/index.html']), 'renderer/client/dist/index.html']) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} missing: run \`npm run build\` first`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-bench-builder-'));
  const server = await startChild({
    script: path.join(root, 'runtime/bin/tessera.js'),
    args: ['start'],
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      TESSERA_DATA_DIR: dataDir,
      TESSERA_EXAMPLES: 'false',
      LOG_LEVEL: 'warn',
      TESSERA_ADMIN_EMAIL: ADMIN.email,
      TESSERA_ADMIN_PASSWORD: ADMIN.password,
    },
    timeoutMs: 120_000,
  });
  const proxy = process.env.BENCH_BUILDER_DIST ? await startDistProxy(process.env.BENCH_BUILDER_DIST, server.url) : undefined;
  const baseUrl = proxy?.url ?? server.url;
  try {
    const cookie = await signIn(server);
    const app = bigApp({ entities: ENTITIES, components: COMPONENTS }) as {
      entities: unknown[];
      pages: Array<{ components: Array<Record<string, unknown>> }>;
    };
    await api(server, cookie, 'POST', '/api/apps', app);
    const { issues } = await api(server, cookie, 'GET', `/api/apps/${APP_ID}`);
    if (issues?.length) throw new Error(`the generated app is invalid: ${JSON.stringify(issues.slice(0, 3))}`);
    const bytes = JSON.stringify(app).length;
    console.log(
      `App "${APP_ID}": ${app.entities.length} entities, ${countComponents(app.pages[0].components)} components on one page, ${(bytes / 1024).toFixed(0)} KB of JSON (${baseUrl}${proxy ? `, builder from ${process.env.BENCH_BUILDER_DIST}` : ''})`,
    );

    const errors: string[] = [];
    const loads = { canvas: [] as number[], shell: [] as number[], diagram: [] as number[] };
    for (let i = 0; i < (ONLY === 'ops' ? 0 : LOADS); i++) {
      const c = await coldLoad(baseUrl, cookie, 'canvas', i === 0 && 'load-canvas');
      const d = await coldLoad(baseUrl, cookie, 'diagram', i === 0 && 'load-diagram');
      loads.canvas.push(c.ms);
      loads.shell.push(c.shellMs, d.shellMs);
      loads.diagram.push(d.ms);
      errors.push(...c.errors, ...d.errors);
      console.log(
        `  cold load ${i + 1}/${LOADS}: editor ${c.shellMs.toFixed(0)} ms, canvas ${c.ms.toFixed(0)} ms; editor ${d.shellMs.toFixed(0)} ms, ER diagram ${d.ms.toFixed(0)} ms`,
      );
    }
    const ops =
      ONLY === 'loads'
        ? { series: [], errors: [] }
        : (console.log(`  interactions (${OPS} each, ${PAUSE} ms apart)…`), await interactions(baseUrl, cookie));
    errors.push(...ops.errors);

    const series = (
      [
        { name: 'cold load → editor shown', target: 2000, on: 'median', samples: loads.shell },
        { name: `cold load → canvas, ${COMPONENTS} components`, target: 2000, on: 'median', samples: loads.canvas },
        { name: `cold load → ER diagram, ${ENTITIES} entities`, target: 2000, on: 'median', samples: loads.diagram },
        ...ops.series,
      ] satisfies Series[]
    ).filter((s) => s.samples.length);
    console.log();
    console.log(
      `Headless chromium (${os.cpus().length} cores, Node ${process.version}); loads in fresh profiles, times from navigation start.`,
    );
    console.log(formatTable(series));
    console.log();
    console.log(formatMarkdown(series));
    if (errors.length) console.log(`\nBrowser errors (${errors.length}):\n${[...new Set(errors)].slice(0, 10).join('\n')}`);
  } finally {
    await proxy?.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
