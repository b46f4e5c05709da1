/**
 * Import jobs live in the store (jobs of the `csv-import` queue): another runtime process sharing
 * it reports on them, a restart keeps them, and a job whose process died is reported
 * `interrupted` once its lease runs out, with exactly what was committed (a batch and its
 * progress are one transaction). The process that dies here is a real `tessera start` child,
 * killed with SIGKILL mid-import.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTessera, type Running } from '../../src/cli/start';
import { openStore } from '../../src/store';
import type { Store } from '@tessera/core/store';
import { ImportJobs, ImportStopped } from '../../src/platform/csv/import-jobs';
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

  it("another process reads a job's report; a killed runner's job is interrupted with exactly what was committed", async () => {
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

    // No process ids: A's lease (10 s) running out unrenewed is what tells B that A is gone.
    const after = await until(
      () => inB(jobUrl),
      (r) => r.body.status !== 'running',
      'the lease to run out',
    );
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'interrupted', total: 200_000, failed: 0, finishedAt: expect.any(String) });
    expect(after.body.processed).toBeLessThan(200_000);
    expect(after.body.processed % 500).toBe(0); // whole batches only
    expect(after.body.created).toBe(after.body.processed);
    expect(after.body.lastLine).toBe(after.body.processed + 1); // the header is line 1
    // Exactly the reported rows are stored: none half-written, none uncounted.
    const stored = (await inB(`${deals}?count=exact&limit=1&filter=${encodeURIComponent(JSON.stringify({ name: { $regex: '^Big ' } }))}`))
      .body.total;
    expect(stored).toBe(after.body.created);
    const last = (await inB(`${deals}?filter=${encodeURIComponent(JSON.stringify({ code: `Big${after.body.processed - 1}` }))}`)).body
      .items;
    expect(last).toHaveLength(1);
    expect(
      (await inB(`${deals}?filter=${encodeURIComponent(JSON.stringify({ code: `Big${after.body.processed}` }))}`)).body.items,
    ).toHaveLength(0);
    // The verdict is stored: asking again (or from a third process) gives the same answer.
    expect((await inB(jobUrl)).body).toEqual(after.body);
  }, 120_000);
});

describe('import jobs in one process', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await publishApp(t, rbacApp('jobs'));
  });
  afterAll(() => t.close());

  it('a graceful stop ends a running import as interrupted after its current batch; a restart reports it', async () => {
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
      const job = (await api('GET', `/api/apps/jobs/imports/${started.body.jobId}`)).body;
      expect(job).toMatchObject({ status: 'interrupted', failed: 0 });
      expect(job.created).toBe(job.processed);
      expect(job.processed).toBeLessThan(100_000);
      const stored = (
        await api('GET', `${deals}?count=exact&limit=1&filter=${encodeURIComponent(JSON.stringify({ name: { $regex: '^Stop ' } }))}`)
      ).body.total;
      expect(stored).toBe(job.created);
    } finally {
      await again.stop();
    }
  }, 60_000);
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

  it('a runner that went silent past its lease (on any machine) is taken for dead; if it was only slow, it stops at its next batch', async () => {
    const clock = new ManualClock();
    const runnerJobs = new Jobs(store, { clock, leaseMs: 10_000 });
    const runner = new ImportJobs(runnerJobs);
    const run = await runner.start(init);
    await run.save({ processed: 5, created: 4, lastLine: 6 });
    const reader = new ImportJobs(new Jobs(store, { clock, leaseMs: 10_000 }));
    clock.advance(9_000);
    expect(await reader.get(run.job.id)).toMatchObject({ status: 'running', processed: 5, created: 4, failed: 1 });
    clock.advance(2_000);
    expect(await reader.get(run.job.id)).toMatchObject({ status: 'interrupted', processed: 5, created: 4, failed: 1, lastLine: 6 });
    await expect(run.save({ processed: 10, created: 9, lastLine: 11 })).rejects.toBeInstanceOf(ImportStopped);
    await run.finish('interrupted'); // what runImport does then: it writes nothing over the reader's verdict
    expect(await runner.get(run.job.id)).toMatchObject({ status: 'interrupted', processed: 5, created: 4, lastLine: 6 });
    await runnerJobs.stop();
  });

  it('keeps a finished job one hour, then forgets it (and the store no longer returns it)', async () => {
    const clock = new ManualClock();
    const jobs = new ImportJobs(new Jobs(store, { clock }));
    const run = await jobs.start(init);
    run.addError({ line: 2, field: 'name', code: 'required', message: 'missing required property "name"' });
    await run.save({ processed: 10, created: 9, lastLine: 11 });
    await run.finish('done');
    await run.ended;
    await new Promise((r) => setTimeout(r, 50)); // the job is completed after the run's last write
    clock.advance(59 * 60_000);
    expect(await jobs.get(run.job.id)).toMatchObject({ status: 'done', created: 9, failed: 1, errors: [{ line: 2, code: 'required' }] });
    clock.advance(2 * 60_000);
    // The store's TTL runs on real time: sweep as of the job clock's now.
    await store.sweepExpired(new Date(clock.now()));
    expect(await jobs.get(run.job.id)).toBeUndefined();
    expect(await store.collection(JOBS).get(run.job.id)).toBeNull();
    await jobs.jobs.stop();
  });
});
