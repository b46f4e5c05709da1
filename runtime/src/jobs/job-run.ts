import type { Doc, Store } from '@tessera/core/store';
import type { Clock } from './clock';
import { completeHeld, failHeld, leasePatch, releaseHeld, writeHeld } from './lease';
import { LeaseLost, type Job, type JobContext, type JobProgress, type QueueDefinition } from './jobs.types';

export interface RunEnv {
  store: Store;
  clock: Clock;
  owner: string;
  leaseMs: number;
  /** Aborted on graceful stop. */
  stopping: AbortSignal;
}

/**
 * Runs one leased job to its end: renews the lease on a timer (every third of it) while the
 * handler works, then completes it or records the failure (retry or dead letter). If the lease
 * is lost meanwhile (a reaper took the job after a stall), the handler is told through its
 * signal and nothing more is written: the job is someone else's now.
 */
export async function runLeased<P, S extends Doc, R>(env: RunEnv, def: QueueDefinition<P, S, R>, job: Job<P, S>): Promise<R | undefined> {
  const { store, clock, owner, leaseMs } = env;
  const abort = new AbortController();
  const onStop = () => abort.abort(new Error('the worker is stopping'));
  env.stopping.addEventListener('abort', onStop);
  if (env.stopping.aborted) onStop();
  const held = async (patch: Doc, tx?: Store) => {
    try {
      await writeHeld(tx ?? store, job.id, owner, { ...patch, ...leasePatch(clock, leaseMs) });
    } catch (err) {
      if (err instanceof LeaseLost) abort.abort(err);
      throw err;
    }
  };
  const ctx: JobContext<P, S> = {
    job,
    heartbeat: () => held({}),
    progress: (p: JobProgress, tx?: Store) =>
      held({ progress: { processed: p.processed, total: p.total } }, tx).then(() => void (job.progress = p)),
    save: (state: S, o: { tx?: Store; progress?: JobProgress } = {}) =>
      held({ state, ...(o.progress ? { progress: { processed: o.progress.processed, total: o.progress.total } } : {}) }, o.tx).then(() => {
        job.state = state;
        if (o.progress) job.progress = o.progress;
      }),
    signal: abort.signal,
  };
  const timer = setInterval(() => void ctx.heartbeat().catch(() => undefined), Math.max(50, Math.floor(leaseMs / 3)));
  timer.unref?.();
  try {
    const result = await def.handle(ctx);
    await completeHeld(store, clock, job, owner, result, def);
    return result;
  } catch (err) {
    if (err instanceof LeaseLost || abort.signal.reason instanceof LeaseLost) return undefined;
    // Stopped on purpose mid-work: the attempt does not count, another worker may resume at once.
    if (env.stopping.aborted) return void (await releaseHeld(store, job.id, owner).catch(() => undefined));
    await failHeld(store, clock, job, owner, err, def).catch((e) => {
      if (!(e instanceof LeaseLost)) throw e;
    });
    throw err;
  } finally {
    clearInterval(timer);
    env.stopping.removeEventListener('abort', onStop);
  }
}
