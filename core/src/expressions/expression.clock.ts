/**
 * Where `$now()`, `$millis()`, `$random()` and `$shuffle()` get time and chance. Evaluation never
 * reads the host clock or Math.random for values an expression can see: a durable execution
 * creates one clock, stores `state`, and on resume recreates it with `createClock(state)`, so
 * the resumed run sees the same `$now()` and continues the same random sequence.
 */
export interface ExpressionClock {
  /** Milliseconds since the epoch; read once per evaluation, so `$now()` is constant within one. */
  now(): number;
  /** A number in [0, 1). */
  random(): number;
}

/** Real time and Math.random: for evaluations that are not part of a resumable execution. */
export const systemClock: ExpressionClock = { now: () => Date.now(), random: () => Math.random() };

export interface ClockState {
  /** The instant the execution started, in epoch milliseconds. */
  now: number;
  seed: number;
  /** Random numbers drawn so far. */
  draws: number;
}

export interface ExecutionClock extends ExpressionClock {
  /** What to persist to recreate this clock where it stands. */
  readonly state: ClockState;
}

/** mulberry32: small, fast and good enough for `$random()`; not for secrets. */
function next(seed: number, n: number): number {
  let t = (seed + Math.imul(n + 1, 0x6d2b79f5)) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A clock for one execution: time stands still at `now` (default: the moment of creation) and random numbers follow `seed`. */
export function createClock(state: Partial<ClockState> = {}): ExecutionClock {
  const at = state.now ?? Date.now();
  const seed = (state.seed ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;
  let draws = state.draws ?? 0;
  if (!Number.isFinite(at)) throw new RangeError('a clock needs a finite time');
  return {
    now: () => at,
    random: () => next(seed, draws++),
    get state() {
      return { now: at, seed, draws };
    },
  };
}
