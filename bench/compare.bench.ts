/**
 * `BENCH_AGAINST=<other checkout> npm run bench:compare`: this checkout's Tessera against another
 * checkout's (e.g. a worktree of the commit before a change), same data, same minute. Each
 * checkout seeds its own data directory with its own code, both servers run side by side, and
 * every scenario is measured in alternating rounds (this, other, other, this, …) so a drift of
 * the machine during the run falls on both. The figure is the median over the rounds.
 *
 * The other checkout needs its own node_modules (`npm ci` there, or a symlink to this one's).
 * BENCH_ROWS (default 200,000), BENCH_SECONDS (5), BENCH_WARMUP (2), BENCH_ROUNDS (4), BENCH_CONNECTIONS (16).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startChild, type RunningChild } from './lib/child';
import { measure, type MeasureOptions } from './lib/load';
import { median } from './lib/median';
import { readMemory, formatMb } from './lib/rss';
import { CONTACT_STATUSES, contactId, contactInput } from './data/contacts';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const here = path.resolve(__dirname, '..');
const against = process.env.BENCH_AGAINST ? path.resolve(process.env.BENCH_AGAINST) : '';

interface Side {
  name: string;
  /** Goes into created emails, so it must be a valid email part. */
  tag: string;
  root: string;
  dataDir: string;
  apiKey: string;
  child?: RunningChild;
}

/** Seeds with the checkout's own seed code, in a child so each side's modules stay its own. */
function seed(root: string, dataDir: string): string {
  const script = path.join(os.tmpdir(), `tessera-compare-seed-${process.pid}.ts`);
  fs.writeFileSync(
    script,
    `import { seedTessera } from ${JSON.stringify(path.join(root, 'bench/tessera/seed'))};\n` +
      `seedTessera(${JSON.stringify(dataDir)}, ${ROWS}).then((s) => { console.log('SEEDED ' + JSON.stringify(s)); process.exit(0); });\n`,
  );
  const out = execFileSync(path.join(here, 'node_modules/.bin/tsx'), [script], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  fs.rmSync(script, { force: true });
  const line = out.split('\n').find((l) => l.startsWith('SEEDED '));
  if (!line) throw new Error(`seeding in ${root} printed no result:\n${out}`);
  return (JSON.parse(line.slice('SEEDED '.length)) as { apiKey: string }).apiKey;
}

const idAt = (i: number) => contactId((i * 7919) % ROWS);
const scenarios: Array<{ label: string; opts: () => Omit<MeasureOptions, 'url' | 'durationSec' | 'headers'> }> = [
  { label: 'get by id', opts: () => ({ paths: (i) => `/api/apps/bench/data/contact/${idAt(i)}` }) },
  {
    label: 'list: filter status, sort lastName, 50',
    opts: () => ({
      paths: (i) =>
        `/api/apps/bench/data/contact?filter=${encodeURIComponent(JSON.stringify({ status: CONTACT_STATUSES[i % CONTACT_STATUSES.length] }))}&sort=lastName&limit=50`,
    }),
  },
];
let created = 0;
const createScenario = (side: Side) => ({
  method: 'POST' as const,
  paths: () => '/api/apps/bench/data/contact',
  bodies: () => JSON.stringify(contactInput(ROWS + created++, side.tag)),
});

async function main(): Promise<void> {
  if (!against || !fs.existsSync(path.join(against, 'runtime/bin/tessera.js')))
    throw new Error('set BENCH_AGAINST to another Tessera checkout (a worktree with node_modules), e.g. BENCH_AGAINST=../prev');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-compare-'));
  const rev = (root: string) => execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const sides: Side[] = [
    { name: `this (${rev(here)})`, tag: 'this', root: here, dataDir: path.join(dir, 'this'), apiKey: '' },
    { name: `other (${rev(against)})`, tag: 'other', root: against, dataDir: path.join(dir, 'other'), apiKey: '' },
  ];
  for (const side of sides) {
    const t = performance.now();
    side.apiKey = seed(side.root, side.dataDir);
    console.log(`seeded ${ROWS.toLocaleString('en-US')} contacts for ${side.name} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  for (const side of sides)
    side.child = await startChild({
      script: path.join(side.root, 'runtime/bin/tessera.js'),
      args: ['start'],
      cwd: side.root,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', TESSERA_DATA_DIR: side.dataDir, TESSERA_EXAMPLES: 'false', LOG_LEVEL: 'warn' },
      timeoutMs: 120_000,
    });

  const results = new Map<string, number[]>();
  const all = [...scenarios.map((s) => ({ label: s.label, opts: () => s.opts() })), { label: 'create with validation', opts: null }];
  for (const sc of all) {
    for (let round = 0; round < ROUNDS; round++) {
      // this, other, other, this, …: each side goes first as often as second.
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const res = await measure({
          url: side.child!.url,
          headers: { authorization: `Bearer ${side.apiKey}` },
          durationSec: SECONDS,
          warmupSec: WARMUP,
          connections: CONNECTIONS,
          ...(sc.opts ? sc.opts() : createScenario(side)),
        });
        if (res.errors || res.non2xx) console.warn(`  ! ${side.name} ${sc.label}: ${res.errors} errors, ${res.non2xx} non-2xx`);
        console.log(
          `  round ${round + 1} ${side.name.padEnd(18)} ${sc.label.padEnd(40)} ${Math.round(res.rps)} req/s  p50 ${res.p50} ms  p99 ${res.p99} ms`,
        );
        const key = `${sc.label}\u0000${side.name}`;
        results.set(key, [...(results.get(key) ?? []), res.rps]);
      }
    }
  }
  const mem = sides.map((s) => readMemory(s.child!.pid));
  for (const side of sides) await side.child!.stop();

  console.log();
  console.log(
    `Rows: ${ROWS.toLocaleString('en-US')}; ${ROUNDS} alternating rounds of ${SECONDS} s after ${WARMUP} s warm-up; ${CONNECTIONS} connections; ${os.cpus().length} cores, Node ${process.version}.`,
  );
  console.log(
    `| scenario | ${sides[0].name} req/s (median) | ${sides[1].name} req/s (median) | ratio this/other | rounds this | rounds other |`,
  );
  console.log('| --- | ---: | ---: | ---: | --- | --- |');
  for (const sc of all) {
    const a = results.get(`${sc.label}\u0000${sides[0].name}`)!;
    const b = results.get(`${sc.label}\u0000${sides[1].name}`)!;
    const fmt = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
    console.log(
      `| ${sc.label} | ${Math.round(median(a)).toLocaleString('en-US')} | ${Math.round(median(b)).toLocaleString('en-US')} | ${(median(a) / median(b)).toFixed(2)}x | ${fmt(a)} | ${fmt(b)} |`,
    );
  }
  console.log();
  sides.forEach((s, i) => console.log(`${s.name}: own memory ${formatMb(mem[i].anonRss)}, RSS ${formatMb(mem[i].rss)}`));
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
