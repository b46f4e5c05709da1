/**
 * `npm run bench`: Tessera's records API against a hand-written Express + better-sqlite3 server
 * doing the same work without interpretation. Both are seeded with the same contacts, run as
 * child processes side by side, and are measured one after the other for each scenario, so
 * only the ratio (same machine, same minute) is meaningful.
 *
 * BENCH_ROWS (default 1,000,000), BENCH_SECONDS (10), BENCH_WARMUP (3), BENCH_CONNECTIONS (16).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedBaseline } from './baseline/seed';
import { seedTessera } from './tessera/seed';
import { startChild, type RunningChild } from './lib/child';
import { measure, type LoadResult, type MeasureOptions } from './lib/load';
import { readMemory, formatMb } from './lib/rss';
import { formatMarkdown, formatTable, type BenchRow } from './lib/table';
import { CONTACT_STATUSES, contactId, contactInput } from './data/contacts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const root = path.resolve(__dirname, '..');

interface Target {
  name: string;
  child: RunningChild;
  auth: Record<string, string>;
  get: (id: string) => string;
  list: (status: string) => string;
  create: string;
}

/** Spreads reads over the whole table so the page cache is not one hot row. */
const idAt = (i: number) => contactId((i * 7919) % ROWS);

async function scenario(t: Target, name: string, opts: Omit<MeasureOptions, 'url' | 'durationSec' | 'headers'>): Promise<LoadResult> {
  const res = await measure({
    url: t.child.url,
    headers: t.auth,
    durationSec: SECONDS,
    warmupSec: WARMUP,
    connections: CONNECTIONS,
    ...opts,
  });
  if (res.errors || res.non2xx)
    console.warn(`  ! ${t.name} ${name}: ${res.errors} errors, ${res.non2xx} non-2xx ${JSON.stringify(res.statusCodes)}`);
  console.log(`  ${t.name.padEnd(8)} ${name.padEnd(34)} ${Math.round(res.rps)} req/s  p50 ${res.p50} ms  p99 ${res.p99} ms`);
  return res;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-bench-'));
  console.log(`Seeding ${ROWS.toLocaleString('en-US')} contacts into each server (${dir})`);
  const baselineKey = 'bench-baseline-key';
  const b = seedBaseline(path.join(dir, 'baseline.db'), ROWS, baselineKey);
  console.log(`  baseline: ${(b.ms / 1000).toFixed(1)} s`);
  const s = await seedTessera(path.join(dir, 'tessera'), ROWS);
  console.log(`  tessera:  ${(s.ms / 1000).toFixed(1)} s`);

  const common = { ...process.env, HOST: '127.0.0.1', PORT: '0' };
  const startT = (logLevel: string) =>
    startChild({
      script: path.join(root, 'runtime/bin/tessera.js'),
      args: ['start'],
      cwd: root,
      env: { ...common, TESSERA_DATA_DIR: path.join(dir, 'tessera'), TESSERA_EXAMPLES: 'false', LOG_LEVEL: logLevel },
      timeoutMs: 120_000,
    });
  const tesseraTarget = (child: RunningChild): Target => ({
    name: 'tessera',
    child,
    auth: { authorization: `Bearer ${s.apiKey}` },
    get: (id) => `/api/apps/bench/data/contact/${id}`,
    list: (status) => `/api/apps/bench/data/contact?filter=${encodeURIComponent(JSON.stringify({ status }))}&sort=lastName&limit=50`,
    create: '/api/apps/bench/data/contact',
  });
  const baselineChild = await startChild({
    script: path.join(root, 'bench/baseline/server.ts'),
    args: ['--file', path.join(dir, 'baseline.db'), '--port', '0'],
    cwd: root,
    env: common,
  });
  const baseline: Target = {
    name: 'baseline',
    child: baselineChild,
    auth: { authorization: `Bearer ${baselineKey}` },
    get: (id) => `/contacts/${id}`,
    list: (status) => `/contacts?status=${status}&limit=50`,
    create: '/contacts',
  };
  // Request logging off for the like-for-like rows (the baseline logs nothing); one extra row shows its cost.
  const tessera = tesseraTarget(await startT('warn'));
  const rssAfterStart = readMemory(tessera.child.pid);

  const rows: BenchRow[] = [];
  const pair = async (label: string, opts: (t: Target) => Omit<MeasureOptions, 'url' | 'durationSec' | 'headers'>) => {
    console.log(label);
    const base = await scenario(baseline, label, opts(baseline));
    const tess = await scenario(tessera, label, opts(tessera));
    rows.push({ scenario: label, tessera: tess, baseline: base });
  };
  await pair('get by id', (t) => ({ paths: (i) => t.get(idAt(i)) }));
  await pair('list: filter status, sort lastName, 50', (t) => ({ paths: (i) => t.list(CONTACT_STATUSES[i % CONTACT_STATUSES.length]) }));
  await pair('create with validation', (t) => ({
    method: 'POST',
    paths: () => t.create,
    bodies: (i) => JSON.stringify(contactInput(i, t.name)),
  }));
  const mem = readMemory(tessera.child.pid);
  await tessera.child.stop();

  // The same read with one pino line per request, as `npm start` runs by default.
  const logged = tesseraTarget(await startT('info'));
  console.log('get by id, request logging on');
  const withLog = await scenario(logged, 'get by id (request log on)', { paths: (i) => logged.get(idAt(i)) });
  rows.push({ scenario: 'get by id, tessera request log on', tessera: withLog, baseline: rows[0].baseline });
  await logged.child.stop();
  await baselineChild.stop();

  console.log();
  console.log(
    `Rows: ${ROWS.toLocaleString('en-US')}; ${SECONDS} s per measurement after ${WARMUP} s warm-up; ${CONNECTIONS} connections; ${os.cpus().length} cores, Node ${process.version}.`,
  );
  console.log(formatTable(rows));
  console.log();
  console.log(formatMarkdown(rows));
  console.log();
  console.log(
    `Tessera memory with ${ROWS.toLocaleString('en-US')} records: RSS ${formatMb(rssAfterStart.rss)} after start, ${formatMb(mem.rss)} after the runs (of which its own memory ${formatMb(mem.anonRss)}, the rest the memory-mapped database), peak ${formatMb(mem.peakRss)}.`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
