/**
 * Import jobs live in the store (jobs of the `csv-import` queue), and so do their files: another
 * runtime process sharing it reports on them, and a job whose process died (its lease ran out)
 * or stopped is resumed by the next worker after the last committed row (a batch and its progress
 * are one transaction), so every row is stored exactly once. The process that dies here is a
 * real `tessera start` child, killed with SIGKILL mid-import.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTessera, type Running } from '../../src/cli/start';
import { openStore } from '../../src/store';
import type { Store } from '@tessera/core/store';
import { ImportJobs, ImportStopped, type ImportRun, type ImportRunner } from '../../src/platform/csv/import-jobs';
import { IMPORT_FILES } from '../../src/platform/csv/import-files';
import { PLATFORM_COLLECTIONS } from '../../src/platform/platform-collections';
import { JOBS, Jobs, ManualClock } from '../../src/jobs';
import { ADMIN, startTestServer, type ApiFn, type TestServer } from '../helpers/tessera';
import { publishApp, rbacApp } from '../helpers/members';
import { startChild, type ChildServer } from '../helpers/tessera-child';

const deals = '/api/apps/jobs/data/deal';

async function postCsv(url: string, key: string, csv: string) {
  const res = await fetch(`${url}${deals}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
    body: csv,
  });
  return { status: res.status, body: await res.json() };
}
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}
const bigCsv = (rows: number, prefix: string) =>
  ['name,amount,code', ...Array.from({ length: rows }, (_, i) => `${prefix} ${i},${i},${prefix}${i}`)].join('\n');

describe('import jobs across processes', () => {
  let dataDir: string;
  let key: string;
  let child: ChildServer | undefined;
  let reader: Running | undefined;

  beforeAll(async () => {
    // Prepare the data directory (app, admin key), then hand it to the child process.
    const first = await startTestServer();
    dataDir = first.dataDir;
    await publishApp(first, rbacApp('jobs'));
    key = (
      await first.running.platform.accounts.createApiKey((await first.running.platform.accounts.findUserByEmail(ADMIN.email))!.id, 'jobs')
    ).key;
    await first.running.stop();
  }, 60_000);
  afterAll(async () => {
    await child?.kill();
    await reader?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("another process reads a job's report; a killed runner's job is resumed there and every row is stored exactly once", async () => {
    const a = await startChild(dataDir);
    child = a;
    const inA = (route: string) => fetch(`${a.url}${route}`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.json());

    // A small import finished by A…
    const small = await postCsv(a.url, key, 'name,amount,stage\nOne,1,open\nTwo,x,open\nThree,3,bogus\n');
    expect(small.status).toBe(202);
    await until(
      () => inA(`/api/apps/jobs/imports/${small.body.jobId}`),
      (j) => j.status === 'done',
      'the small import',
    );

    // …and a big one, running in A while B (this process) reads the same store.
    const big = await postCsv(a.url, key, bigCsv(200_000, 'Big'));
    expect(big.status).toBe(202);
    const jobUrl = `/api/apps/jobs/imports/${big.body.jobId}`;
    await until(
      () => inA(jobUrl),
      (j) => j.processed >= 1000,
      'two batches in A',
    );
    reader = await startTessera(
      {
        port: 0,
        host: '127.0.0.1',
        dataDir,
        adminEmail: ADMIN.email,
        adminPassword: ADMIN.password,
        loadExamples: false,
        logLevel: 'silent',
        dbUrl: undefined,
      },
      () => {},
    );
    const inB = async (route: string) => {
      const res = await fetch(`${reader!.url}${route}`, { headers: { authorization: `Bearer ${key}` } });
      return { status: res.status, body: await res.json() };
    };
    expect((await inB(`/api/apps/jobs/imports/${small.body.jobId}`)).body).toMatchObject({
      status: 'done',
      total: 3,
      processed: 3,
      created: 1,
      failed: 2,
      errors: [
        { line: 3, field: 'amount', code: 'number', params: { value: 'x' }, message: '"x" is not a number' },
        { line: 4, field: 'stage', code: 'option', message: expect.stringMatching(/^must be one of "open", "won", "lost"/) },
      ],
    });
    const seen = (await inB(jobUrl)).body;
    expect(seen).toMatchObject({ status: 'running', total: 200_000 });
    expect(seen.processed).toBeGreaterThanOrEqual(1000);

    // A dies mid-import.
    await a.kill();
    child = undefined;

    // No process ids: A's lease (10 s) running out unrenewed is what tells B that A is gone; B's
    // worker then resumes the import from the file kept in the store.
    const resumed = await until(
      () => inB(jobUrl),
      (r) => r.body.processed > seen.processed && r.body.status === 'running',
      'B to resume the import',
    );
    const atKill = resumed.body.processed;
    const after = await until(
      () => inB(jobUrl),
      (r) => r.body.status !== 'running',
      'the resumed import to end',
    );
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'done', total: 200_000, processed: 200_000, created: 200_000, failed: 0, errors: [] });
    expect(after.body.lastLine).toBe(200_001); // the header is line 1
    // Every row exactly once: none lost with A, none written twice by B.
    const stored = (await inB(`${deals}?count=exact&limit=1&filter=${encodeURIComponent(JSON.stringify({ name: { $regex: '^Big ' } }))}`))
      .body.total;
    expect(stored).toBe(200_000);
    for (const row of [0, atKill - 501, atKill - 1, atKill, 199_999].filter((r) => r >= 0)) {
      const found = (await inB(`${deals}?filter=${encodeURIComponent(JSON.stringify({ code: `Big${row}` }))}`)).body.items;
      expect(found).toHaveLength(1);
    }
    // The file went with the job.
    expect((await reader!.platform.store.collection(IMPORT_FILES).find({ limit: 10 })).items).toEqual([]);
    expect((await inB(jobUrl)).body).toEqual(after.body);
  }, 180_000);
});

describe('import jobs in one process', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await publishApp(t, rbacApp('jobs'));
  });
  afterAll(() => t.close());

  it('a graceful stop pauses a running import after its current batch; the restarted server finishes it', async () => {
    const admin = await t.running.platform.accounts.findUserByEmail(ADMIN.email);
    const { key } = await t.running.platform.accounts.createApiKey(admin!.id, 'stop');
    const started = await postCsv(t.url, key, bigCsv(100_000, 'Stop'));
    const jobs = t.running.platform.imports;
    await until(
      () => jobs.get(started.body.jobId),
      (j) => (j?.processed ?? 0) >= 500,
      'a batch',
    );
    await t.running.stop();
    const stopped = await openStore({ dataDir: t.dataDir });
    const paused = await stopped.collection(JOBS).get(started.body.jobId);
    await stopped.close();
    expect(paused).toMatchObject({ status: 'queued', attempts: 0 }); // given back, the attempt not counted
    const stoppedAt = (paused!.state as { processed: number }).processed;
    expect(stoppedAt).toBeLessThan(100_000);

    const again = await startTessera(
      {
        port: 0,
        host: '127.0.0.1',
        dataDir: t.dataDir,
        adminEmail: ADMIN.email,
        adminPassword: ADMIN.password,
        loadExamples: false,
        logLevel: 'silent',
        dbUrl: undefined,
      },
      () => {},
    );
    try {
      const api: ApiFn = (method, route) =>
        fetch(`${again.url}${route}`, { method, headers: { authorization: `Bearer ${key}` } }).then(async (r) => ({
          status: r.status,
          headers: r.headers,
          body: await r.json(),
        }));
      const job = await until(
        async () => (await api('GET', `/api/apps/jobs/imports/${started.body.jobId}`)).body,
        (j) => j.status !== 'running',
        'the restarted server to finish the import',
      );
      expect(job).toMatchObject({ status: 'done', total: 100_000, processed: 100_000, created: 100_000, failed: 0 });
      const stored = (
        await api('GET', `${deals}?count=exact&limit=1&filter=${encodeURIComponent(JSON.stringify({ name: { $regex: '^Stop ' } }))}`)
      ).body.total;
      expect(stored).toBe(100_000);
      const seam = (await api('GET', `${deals}?filter=${encodeURIComponent(JSON.stringify({ code: `Stop${stoppedAt}` }))}`)).body.items;
      expect(seam).toHaveLength(1);
    } finally {
      await again.stop();
    }
  }, 90_000);
});

describe('an import that hits a compound unique index', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await publishApp(t, {
      schemaVersion: 1,
      id: 'pairs',
      name: 'Pairs',
      entities: [
        {
          id: 'pair',
          label: 'Pair',
          fields: [
            { id: 'a', type: 'text', required: true },
            { id: 'b', type: 'text', required: true },
          ],
          indexes: [{ fields: ['a', 'b'], unique: true }],
        },
      ],
    });
    await t.api('POST', '/api/apps/pairs/data/pair', { a: 'x', b: 'y' });
  });
  afterAll(() => t.close());

  it('falls back to one row at a time: the clashing row is reported, the others stored and counted', async () => {
    const admin = await t.running.platform.accounts.findUserByEmail(ADMIN.email);
    const { key } = await t.running.platform.accounts.createApiKey(admin!.id, 'pairs');
    const res = await fetch(`${t.url}/api/apps/pairs/data/pair/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
      body: 'a,b\nx,1\nx,y\ny,y\n',
    });
    const { jobId } = await res.json();
    const job = await until(
      async () => (await t.api('GET', `/api/apps/pairs/imports/${jobId}`)).body,
      (j) => j.status !== 'running',
      'the import',
    );
    expect(job).toMatchObject({ status: 'done', total: 3, processed: 3, created: 2, failed: 1, lastLine: 4 });
    expect(job.errors).toEqual([
      { line: 3, field: 'a', code: 'unique', params: { value: 'x' }, message: 'another pair already has this a + b' },
    ]);
    expect((await t.api('GET', '/api/apps/pairs/data/pair?count=exact&limit=1')).body.total).toBe(3);
  });
});

describe('ImportJobs on a real store', () => {
  let dir: string;
  let store: Store;
  const init = { appId: 'a', entity: 'deal', userId: 'u1', total: 10, ignoredColumns: [] };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-jobs-'));
    store = await openStore({ dataDir: dir });
    for (const spec of PLATFORM_COLLECTIONS) await store.ensureCollection(spec);
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A runner the test drives: each run the queue starts is handed to the test, and ends when the test says. */
  function heldRunner() {
    const runs: Array<{ run: ImportRun; csv: string; end: () => void }> = [];
    const waiters: Array<() => void> = [];
    const runner: ImportRunner = (run, csv) =>
      new Promise<void>((end) => {
        runs.push({ run, csv, end });
        waiters.splice(0).forEach((w) => w());
      });
    const nth = async (n: number) => {
      while (runs.length <= n) await new Promise<void>((w) => waiters.push(w));
      return runs[n];
    };
    return { runner, nth };
  }
  const csv = 'name\n' + Array.from({ length: 10 }, (_, i) => `Deal ${i} 🦷`).join('\n');

  it('a runner that went silent past its lease (on any machine) is resumed by the next worker from its last commit; the slow one stops at its next write', async () => {
    const clock = new ManualClock();
    const a = heldRunner();
    const runnerJobs = new Jobs(store, { clock, leaseMs: 10_000 });
    const id = await new ImportJobs(runnerJobs, a.runner).start(init, csv);
    const first = await a.nth(0);
    expect(first.csv).toBe(csv);
    await first.run.save({ processed: 5, created: 4, lastLine: 6 });
    const b = heldRunner();
    const reader = new ImportJobs(new Jobs(store, { clock, leaseMs: 10_000 }), b.runner);
    clock.advance(9_000);
    expect(await reader.get(id)).toMatchObject({ status: 'running', processed: 5, created: 4, failed: 1 });
    clock.advance(2_000);
    // Taken back, and still running as far as the user can tell: it is queued for the next worker.
    expect(await reader.get(id)).toMatchObject({ status: 'running', processed: 5, created: 4, failed: 1, lastLine: 6 });
    await expect(first.run.save({ processed: 10, created: 9, lastLine: 11 })).rejects.toBeInstanceOf(ImportStopped);
    clock.advance(2_000); // past the retry's backoff
    expect(await reader.jobs.tick()).toBe(1);
    const second = await b.nth(0);
    // Read back from the store (this worker never saw the request), with the progress committed so far.
    expect(second.csv).toBe(csv);
    expect(second.run.job).toMatchObject({ id, processed: 5, created: 4, lastLine: 6 });
    await second.run.save({ processed: 10, created: 9, lastLine: 11 });
    await second.run.finish('done');
    second.end();
    await reader.jobs.runningHere(id);
    expect(await reader.get(id)).toMatchObject({ status: 'done', processed: 10, created: 9, failed: 1 });
    expect((await store.collection(IMPORT_FILES).find({ filter: { file: { $exists: true } }, limit: 10 })).items).toEqual([]);
    first.end();
    await runnerJobs.stop();
    await reader.jobs.stop();
  });

  it('a job whose runner died three times is interrupted, with exactly what was committed', async () => {
    const clock = new ManualClock();
    const runners = [heldRunner(), heldRunner(), heldRunner()];
    const workers = runners.map((r) => new ImportJobs(new Jobs(store, { clock, leaseMs: 10_000 }), r.runner));
    const id = await workers[0].start(init, csv);
    for (let i = 0; i < 3; i++) {
      if (i > 0) expect(await workers[i].jobs.tick()).toBe(1);
      const { run } = await runners[i].nth(0);
      await run.save({ processed: i + 1, created: i + 1, lastLine: i + 2 });
      clock.advance(11_000); // the lease runs out unrenewed: this runner is gone
      await workers[i].get(id);
      clock.advance(10_000); // past the backoff
    }
    expect(await workers[0].get(id)).toMatchObject({
      status: 'interrupted',
      processed: 3,
      created: 3,
      lastLine: 4,
      finishedAt: expect.any(String),
    });
    for (const r of runners) (await r.nth(0)).end();
    for (const w of workers) await w.jobs.stop();
  });

  it('keeps a finished job one hour, then forgets it (and the store no longer returns it)', async () => {
    const clock = new ManualClock();
    const r = heldRunner();
    const jobs = new ImportJobs(new Jobs(store, { clock }), r.runner);
    const id = await jobs.start(init, csv);
    const { run, end } = await r.nth(0);
    run.addError({ line: 2, field: 'name', code: 'required', message: 'missing required property "name"' });
    await run.save({ processed: 10, created: 9, lastLine: 11 });
    await run.finish('done');
    end();
    await jobs.jobs.runningHere(id);
    clock.advance(59 * 60_000);
    expect(await jobs.get(id)).toMatchObject({ status: 'done', created: 9, failed: 1, errors: [{ line: 2, code: 'required' }] });
    clock.advance(2 * 60_000);
    // The store's TTL runs on real time: sweep as of the job clock's now.
    await store.sweepExpired(new Date(clock.now()));
    expect(await jobs.get(id)).toBeUndefined();
    expect(await store.collection(JOBS).get(id)).toBeNull();
    await jobs.jobs.stop();
  });
});
