/**
 * What dominates the UI benchmark's misses (`npx tsx bench/ui/profile.ts`):
 *  - runs Tessera in this process on a seeded data dir (BENCH_UI_DATA, else a fresh one with
 *    BENCH_ROWS contacts) with every SQL statement timed, loads the contacts page in chromium as
 *    rep1 and as the manager and issues the list requests of the benchmark, then prints the
 *    statements over 5 ms with SQLite's query plan, and the same statements again after adding
 *    the indexes the list would need (a what-if on this throwaway copy);
 *  - takes a CPU profile of the page during kanban drags and sums self time by script.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTessera } from '../../runtime/src/cli/start';
import { StatementCache } from '../../runtime/src/store/sqlite/statement.cache';
import { openBrowser } from '../../runtime/test/e2e/browser';
import { APP, DEMO_PASSWORD, OWNERS, seedUiBench } from './seed';
import { ms } from './stats';

interface Timed {
  sql: string;
  params: unknown[];
  ms: number;
  label: string;
}
const timed: Timed[] = [];
let label = '';
const wrapped = new WeakSet<object>();
const originalGet = StatementCache.prototype.get;
StatementCache.prototype.get = function get(this: StatementCache, sql: string) {
  const st = originalGet.call(this, sql);
  if (!wrapped.has(st)) {
    wrapped.add(st);
    for (const m of ['all', 'get', 'run'] as const) {
      const orig = (st as unknown as Record<string, (...a: unknown[]) => unknown>)[m];
      (st as unknown as Record<string, unknown>)[m] = function (this: unknown, ...params: unknown[]) {
        const t0 = performance.now();
        try {
          return orig.apply(this, params);
        } finally {
          timed.push({ sql, params, ms: performance.now() - t0, label });
        }
      };
    }
  }
  return st;
};

async function main(): Promise<void> {
  const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
  let dataDir = process.env.BENCH_UI_DATA;
  if (!dataDir || !fs.existsSync(path.join(dataDir, 'tessera.db'))) {
    dataDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-ui-profile-'));
    console.log(`seeding ${ROWS} contacts into ${dataDir}`);
    await seedUiBench(dataDir, ROWS);
  }
  const running = await startTessera({ port: 0, host: '127.0.0.1', dataDir, loadExamples: false, logLevel: 'silent' }, () => undefined);
  const base = running.url;
  const b = await openBrowser({ width: 1600, height: 900 });
  try {
    for (const email of [OWNERS[0], OWNERS[2]]) {
      await b.context.clearCookies();
      await b.context.request.post(`${base}/api/auth/login`, { data: { email, password: DEMO_PASSWORD } });
      label = `${email.split('@')[0]}: contacts page load`;
      await b.page.goto(`${base}/apps/${APP}/contacts`);
      await b.page.locator('.ant-table-tbody > tr.ant-table-row').first().waitFor({ timeout: 60_000 });
      await b.page.waitForTimeout(1500);
      const statements = timed.filter((s) => s.label === label);
      console.log(`\n${label}: ${statements.length} statements, ${ms(statements.reduce((a, s) => a + s.ms, 0))} ms in SQLite`);
    }
    // The slow ones, with their plans, then a what-if with the indexes a sorted, scoped list needs.
    const db = (running.platform.store as unknown as { db: Database.Database }).db;
    const slow = timed.filter((s) => s.ms > 5);
    const seen = new Set<string>();
    console.log('\nStatements over 5 ms:');
    for (const s of slow) {
      const key = s.sql + JSON.stringify(s.params);
      if (seen.has(key)) continue;
      seen.add(key);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...(s.params as never[])) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' / ');
      console.log(
        `- [${s.label}] ${ms(s.ms)} ms: ${s.sql.replace(/SELECT .*? FROM/, 'SELECT … FROM').slice(0, 220)}\n    params ${JSON.stringify(s.params).slice(0, 120)}\n    plan: ${plan}`,
      );
    }
    const table = /FROM ("[^"]*contact[^"]*")/.exec(slow.find((s) => /contact/.test(s.sql))?.sql ?? '')?.[1];
    if (table) {
      console.log(`\nWhat-if: CREATE INDEX on ${table} (owner, lastName) and (lastName)`);
      const t0 = performance.now();
      db.exec(
        `CREATE INDEX IF NOT EXISTS whatif_owner_last ON ${table} (json_extract("doc", '$.owner'), json_extract("doc", '$.lastName'), "id")`,
      );
      db.exec(`CREATE INDEX IF NOT EXISTS whatif_last ON ${table} (json_extract("doc", '$.lastName'), "id")`);
      db.exec('ANALYZE');
      console.log(`  built in ${ms(performance.now() - t0)} ms`);
      for (const key of seen) {
        const s = slow.find((x) => x.sql + JSON.stringify(x.params) === key)!;
        if (!s.sql.includes(table)) continue;
        const st = db.prepare(s.sql);
        const t1 = performance.now();
        if (s.sql.startsWith('SELECT COUNT')) st.pluck().get(...(s.params as never[]));
        else st.raw().all(...(s.params as never[]));
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...(s.params as never[])) as Array<{ detail: string }>)
          .map((r) => r.detail)
          .join(' / ');
        console.log(
          `- ${ms(s.ms)} ms -> ${ms(performance.now() - t1)} ms: ${s.sql.replace(/SELECT .*? FROM/, 'SELECT … FROM').slice(0, 160)}\n    plan: ${plan}`,
        );
      }
      db.exec('DROP INDEX whatif_owner_last; DROP INDEX whatif_last');
    }

    // Browser CPU during kanban drags.
    await b.context.clearCookies();
    await b.context.request.post(`${base}/api/auth/login`, { data: { email: OWNERS[0], password: DEMO_PASSWORD } });
    await b.page.goto(`${base}/apps/${APP}/opportunities`);
    await b.page.locator('[data-card-id]').first().waitFor();
    const cdp = await b.context.newCDPSession(b.page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const id = (await b.page.locator('[data-lane="prospecting"] [data-card-id]').first().getAttribute('data-card-id'))!;
    const lanes = ['qualification', 'proposal', 'negotiation', 'prospecting'];
    for (let i = 0; i < 12; i++) {
      const from = (await b.page.locator(`[data-card-id="${id}"]`).boundingBox())!;
      const to = (await b.page.locator(`[data-lane="${lanes[i % 4]}"]`).boundingBox())!;
      await b.page.mouse.move(from.x + 30, from.y + 14);
      await b.page.mouse.down();
      await b.page.mouse.move(from.x + 40, from.y + 18, { steps: 3 });
      await b.page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 10 });
      await b.page.mouse.up();
      await b.page.waitForTimeout(300);
    }
    const { profile } = await cdp.send('Profiler.stop');
    const dt = new Map<number, number>();
    profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
    const byScript = new Map<string, number>();
    const byFn = new Map<string, number>();
    for (const n of profile.nodes) {
      const us = dt.get(n.id) ?? 0;
      const script = n.callFrame.url ? path.basename(n.callFrame.url) : `(${n.callFrame.functionName || 'native'})`;
      byScript.set(script, (byScript.get(script) ?? 0) + us);
      const fn = `${n.callFrame.functionName || '(anonymous)'} ${script}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, c) => c[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `  ${ms(v / 1000).padStart(7)} ms  ${k}`)
        .join('\n');
    console.log('\nBrowser CPU during 12 drags, self time by script:\n' + top(byScript, 8));
    console.log('Top functions:\n' + top(byFn, 12));
  } finally {
    await b.close();
    await running.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
