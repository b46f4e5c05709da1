/**
 * The job queue on a real SQLite store, with time driven by a ManualClock: claims, leases,
 * retries, dead letters, concurrency, the reaper and graceful stop, as a worker (or two sharing
 * the store) would meet them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Store } from '@tessera/core/store';
import Database from 'better-sqlite3';
import { openStore } from '../store';
import { backoffDelay, Jobs, LeaseLost, ManualClock, PermanentJobError, QueueFull, type JobContext, type QueueDefinition } from '.';

let dir: string;
let store: Store;
let clock: ManualClock;
const workers: Jobs[] = [];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one registry holds queues of every payload and state type (no existential types)
function worker(defs: QueueDefinition<any, any, any>[], opts: { leaseMs?: number } = {}): Jobs {
  const w = new Jobs(store, { clock, leaseMs: opts.leaseMs ?? 10_000, stopWaitMs: 2000 });
  defs.forEach((d) => w.register(d));
  workers.push(w);
  return w;
}
const settle = () => new Promise((r) => setTimeout(r, 30));
async function until(ok: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await ok()) return;
    await settle();
  }
  throw new Error(`gave up waiting for ${what}: ${JSON.stringify((await store.collection('_jobs').find({ limit: 5 })).items)}`);
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-jobs-'));
  store = await openStore({ dataDir: dir });
  clock = new ManualClock(); // from now: the store's own TTL reads real time
  await new Jobs(store).prepare();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a durable queue', () => {
  it('runs a job when due, reports progress, keeps the result; an idempotency key enqueues once', async () => {
    const seen: number[] = [];
    const sum: QueueDefinition<{ n: number }, Record<string, never>, number> = {
      name: 'sum',
      async handle(ctx) {
        for (let i = 1; i <= ctx.job.payload.n; i++) {
          seen.push(i);
          await ctx.progress({ processed: i, total: ctx.job.payload.n });
        }
        return seen.reduce((a, b) => a + b, 0);
      },
    };
    const w = worker([sum]);
    const later = await w.enqueue(sum, { n: 4 }, { runAt: new Date(clock.now() + 60_000), key: 'daily-2026-12-01' });
    const again = await w.enqueue(sum, { n: 99 }, { key: 'daily-2026-12-01' });
    expect(again.id).toBe(later.id);
    expect(again.payload).toEqual({ n: 4 });
    expect((await w.list({ queue: 'sum' })).length).toBe(1);

    expect(await w.tick()).toBe(0); // not due yet
    clock.advance(60_000);
    expect(await w.tick()).toBe(1);
    await until(async () => (await w.get(later.id))?.status === 'done', 'the job');
    expect(await w.get(later.id)).toMatchObject({
      status: 'done',
      result: 10,
      attempts: 1,
      progress: { processed: 4, total: 4 },
      owner: null,
      leaseUntil: null,
    });
  });

  it('retries a failing job with growing, jittered delays, then keeps it as a dead letter that can be re-queued', async () => {
    let failUntil = 3;
    let calls = 0;
    const flaky: QueueDefinition = {
      name: 'flaky',
      maxAttempts: 3,
      backoff: { baseMs: 1000 },
      async handle() {
        calls++;
        if (calls <= failUntil) throw new Error(`boom ${calls}`);
        return 'ok';
      },
    };
    const w = worker([flaky]);
    const job = await w.enqueue(flaky, null);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      await w.tick();
      await until(
        async () => (await w.get(job.id))?.status === 'queued' && (await w.get(job.id))?.attempts === attempt,
        `attempt ${attempt} to fail`,
      );
      const j = (await w.get(job.id))!;
      expect(j.lastError).toBe(`boom ${attempt}`);
      delays.push(Date.parse(j.runAt) - clock.now());
      expect(await w.tick()).toBe(0); // backing off
      clock.advance(delays[delays.length - 1]);
    }
    expect(delays[0]).toBeGreaterThanOrEqual(500);
    expect(delays[0]).toBeLessThanOrEqual(1000);
    expect(delays[1]).toBeGreaterThanOrEqual(1000);
    expect(delays[1]).toBeLessThanOrEqual(2000);
    await w.tick();
    await until(async () => (await w.get(job.id))?.status === 'dead', 'the dead letter');
    expect((await w.deadLetters('flaky')).map((j) => j.id)).toEqual([job.id]);
    expect(await w.get(job.id)).toMatchObject({ status: 'dead', attempts: 3, lastError: 'boom 3' });

    failUntil = 0;
    await w.requeue(job.id);
    await w.tick();
    await until(async () => (await w.get(job.id))?.status === 'done', 'the re-queued job');
    expect(await w.deadLetters('flaky')).toEqual([]);
  });

  it('a PermanentJobError goes straight to the dead letters', async () => {
    const bad: QueueDefinition = {
      name: 'bad',
      async handle() {
        throw new PermanentJobError('the payload names no such app');
      },
    };
    const w = worker([bad]);
    const job = await w.enqueue(bad, null);
    await w.tick();
    await until(async () => (await w.get(job.id))?.status === 'dead', 'the dead letter');
    expect(await w.get(job.id)).toMatchObject({ attempts: 1, lastError: 'the payload names no such app' });
  });

  it('runs at most `concurrency` jobs of a queue at once per worker; two workers never take the same job', async () => {
    let running = 0;
    let most = 0;
    const ran: string[] = [];
    const release: Array<() => void> = [];
    const slow: QueueDefinition<{ i: number }> = {
      name: 'slow',
      concurrency: 2,
      async handle(ctx) {
        running++;
        most = Math.max(most, running);
        ran.push(ctx.job.id);
        await new Promise<void>((r) => release.push(r));
        running--;
      },
    };
    const a = worker([slow]);
    const b = worker([slow]);
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => a.enqueue(slow, { i }).then((j) => j.id)));
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    await settle();
    expect(running).toBe(4); // two per worker
    await expect(a.start(slow, { i: 99 })).rejects.toBeInstanceOf(QueueFull);
    while (ran.length < 6 || release.length) {
      release.splice(0).forEach((r) => r());
      await settle();
      await Promise.all([a.tick(), b.tick()]);
      await settle();
    }
    expect(most).toBe(4);
    expect(new Set(ran).size).toBe(6); // each job ran exactly once
    expect([...ran].sort()).toEqual([...ids].sort());
    await until(async () => (await a.list({ queue: 'slow', status: 'done' })).length === 6, 'all done');
  });
});

describe('leases', () => {
  it('a worker that died loses its job when the lease runs out; the reaper hands it to another, and the late writer is refused', async () => {
    let dead!: JobContext;
    const a = worker(
      [
        {
          name: 'work',
          async handle(ctx) {
            dead = ctx;
            await new Promise(() => undefined);
          },
        },
      ],
      { leaseMs: 5000 },
    );
    const { job } = await a.start(a['queues'].get('work')!.def, { what: 'x' });
    await settle();
    expect(await a.get(job.id)).toMatchObject({ status: 'running', owner: a.owner, attempts: 1 });

    const done: string[] = [];
    const b = worker(
      [
        {
          name: 'work',
          async handle(ctx) {
            done.push(ctx.job.id);
          },
        },
      ],
      { leaseMs: 5000 },
    );
    clock.advance(4000);
    expect(await b.reap()).toBe(0); // still leased
    await dead.heartbeat(); // …and renewed: alive
    clock.advance(4000);
    expect(await b.reap()).toBe(0);
    clock.advance(6000); // a silent for longer than a lease: taken for dead
    expect(await b.reap()).toBe(1);
    expect(await b.get(job.id)).toMatchObject({ status: 'queued', owner: null, lastError: expect.stringMatching(/lease expired/) });
    clock.advance(60_000); // past the backoff
    expect(await b.tick()).toBe(1);
    await until(async () => (await b.get(job.id))?.status === 'done', 'the taken-over job');
    expect(done).toEqual([job.id]);
    expect((await b.get(job.id))!.attempts).toBe(2);
    // The first worker wakes up: its writes are refused and its signal says so.
    await expect(dead.progress({ processed: 1, total: 2 })).rejects.toBeInstanceOf(LeaseLost);
    expect(dead.signal.aborted).toBe(true);
  });

  it('a lease-checked write inside a transaction rolls the transaction back when the lease is gone', async () => {
    let ctx!: JobContext;
    const a = worker(
      [
        {
          name: 'tx',
          async handle(c) {
            ctx = c;
            await new Promise(() => undefined);
          },
        },
      ],
      { leaseMs: 1000 },
    );
    const { job } = await a.start(a['queues'].get('tx')!.def, null, { maxAttempts: 1 });
    await settle();
    const notes = await store.ensureCollection({ name: 'notes', fields: [] });
    await store.transaction(async (tx) => {
      await tx.collection('notes').insert({ id: 'n1' });
      await ctx.progress({ processed: 1, total: 2 }, tx);
    });
    clock.advance(2000);
    expect(await a.reapIfExpired(job.id)).toBe(true);
    expect(await a.get(job.id)).toMatchObject({ status: 'dead', progress: { processed: 1, total: 2 } }); // one attempt only
    await expect(
      store.transaction(async (tx) => {
        await tx.collection('notes').insert({ id: 'n2' });
        await ctx.progress({ processed: 2, total: 2 }, tx);
      }),
    ).rejects.toBeInstanceOf(LeaseLost);
    expect(await notes.get('n1')).not.toBeNull();
    expect(await notes.get('n2')).toBeNull();
  });
});

describe('graceful stop', () => {
  it('tells handlers to stop; a job given back is claimed by another worker with its attempt not counted and its state kept', async () => {
    const steps: Array<{ owner: string; from: number }> = [];
    const def = (owner: () => string): QueueDefinition<null, { next: number }> => ({
      name: 'steps',
      async handle(ctx) {
        let next = ctx.job.state?.next ?? 0;
        steps.push({ owner: owner(), from: next });
        while (next < 5) {
          if (ctx.signal.aborted) throw new Error('stopping');
          next++;
          await ctx.save({ next });
          await settle();
        }
        return next;
      },
    });
    const a: Jobs = worker([def(() => a.owner)]);
    const { job } = await a
      .enqueue(
        def(() => a.owner),
        null,
      )
      .then(async (j) => ({ job: j, n: await a.tick() }));
    await until(async () => ((await a.get<null, { next: number }>(job.id))?.state?.next ?? 0) >= 1, 'a step');
    await a.stop();
    const given = (await a.get<null, { next: number }>(job.id))!;
    expect(given).toMatchObject({ status: 'queued', attempts: 0, owner: null });
    expect(given.state!.next).toBeGreaterThanOrEqual(1);
    expect(given.state!.next).toBeLessThan(5);
    expect(await a.tick()).toBe(0); // a stopped worker claims nothing

    const b: Jobs = worker([def(() => b.owner)]);
    await b.tick();
    await until(async () => (await b.get(job.id))?.status === 'done', 'the resumed job');
    expect(await b.get(job.id)).toMatchObject({ result: 5, attempts: 1 });
    expect(steps).toEqual([
      { owner: a.owner, from: 0 },
      { owner: b.owner, from: given.state!.next },
    ]);
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt up to the cap, never below half of it', () => {
    expect(backoffDelay(1, { baseMs: 100 }, () => 0)).toBe(50);
    expect(backoffDelay(1, { baseMs: 100 }, () => 1)).toBe(100);
    expect(backoffDelay(4, { baseMs: 100 }, () => 1)).toBe(800);
    expect(backoffDelay(30, { baseMs: 100, maxMs: 5000 }, () => 0.5)).toBe(3750);
  });
});

describe('housekeeping', () => {
  it('the running worker deletes expired documents of TTL collections (finished jobs among them) on its schedule', async () => {
    const quick: QueueDefinition<null, Record<string, never>, string> = { name: 'quick', handle: async () => 'ok' };
    const w = new Jobs(store, { clock, pollMs: 10, sweepExpiredMs: 60_000, stopWaitMs: 2000 });
    w.register(quick);
    workers.push(w);
    await store.ensureCollection({ name: 'tokens', fields: [{ name: 'expiresAt', kind: 'date' }], expireField: 'expiresAt' });
    const job = await w.enqueue(quick, null);
    w.run();
    await until(async () => (await w.get(job.id))?.status === 'done', 'the job to finish');
    const kept = clock.now() + 30 * 24 * 3600_000; // a token expiring in a month, and one already past
    await store.collection('tokens').insertMany([
      { id: 'later', expiresAt: new Date(kept).toISOString() },
      { id: 'past', expiresAt: new Date(clock.now() - 1000).toISOString() },
    ]);
    clock.advance(60_000); // not yet the done job's expiry (kept an hour), past the sweep interval
    // Reads hide expired rows anyway: look at the file itself, through a second connection.
    const file = new Database(path.join(dir, 'tessera.db'), { readonly: true });
    const rows = (table: string) => (file.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    try {
      expect(rows('tokens')).toBe(2);
      await until(() => rows('tokens') === 1, 'the sweep');
      expect((await w.get(job.id))?.status).toBe('done');
      clock.advance(40 * 24 * 3600_000); // past every expiry
      await until(() => rows('tokens') === 0 && rows('_jobs') === 0, 'the second sweep');
    } finally {
      file.close();
    }
  });
});
