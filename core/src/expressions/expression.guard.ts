/**
 * The per-evaluation meter and the builtins that must not read the host or allocate unbounded
 * strings before the meter could see the result. Everything here is bound into each evaluation,
 * so a compiled (cached) expression is shared safely by concurrent evaluations.
 */
import jsonata from 'jsonata';
import { ExpressionError } from './expression.error';
import type { ExpressionBudget, ExpressionLimits } from './expression.limits';
import type { ExpressionClock } from './expression.clock';
import type { Hooks } from './expression.compile';

/** The binding the hooks find their evaluation's meter under: it starts with a space, so no JSONata source can name it. */
export const METER = ' tessera.meter';

export interface Meter {
  steps: number;
  readonly limits: ExpressionLimits;
  readonly budget?: ExpressionBudget;
  readonly deadline: number;
  readonly clock: ExpressionClock;
  /** `clock.now()`, read once per evaluation as JSONata's own `$now()` does. */
  readonly now: number;
}

const limitHit = (what: string, code: string, limit: number) => new ExpressionError(`expression ${what} (limit ${limit})`, code, 'limit');

type Base = { depth: number; lookup(name: string): unknown; [METER_CACHE]?: Meter | null };
type Env = { base: Base };
/** The meter, remembered on the evaluation's root frame so each step does not walk the frame chain for it. */
const METER_CACHE = Symbol('tessera.meter');
const meterOf = (environment: unknown): Meter | null => {
  const base = (environment as Env).base;
  let meter = base[METER_CACHE];
  if (meter === undefined) meter = base[METER_CACHE] = (base.lookup(METER) as Meter | undefined) ?? null;
  return meter;
};

export const hooks: Hooks = {
  entry(_expr, _input, environment) {
    const meter = meterOf(environment);
    if (!meter) return;
    const { limits } = meter;
    if (++meter.steps > limits.maxSteps) throw limitHit('took too many steps', 'STEPS', limits.maxSteps);
    meter.budget?.spend(1);
    // Not JSONata's codes (D1011…): JSONata rewrites the message of an error that carries one of its codes.
    if ((environment as Env).base.depth > limits.maxDepth) throw limitHit('recursed too deeply', 'DEPTH', limits.maxDepth);
    if (Date.now() > meter.deadline) throw limitHit('ran too long', 'TIMEOUT', limits.timeoutMs);
  },
  exit(_expr, _input, environment, result) {
    if (typeof result !== 'string' && !Array.isArray(result)) return;
    const meter = meterOf(environment);
    if (!meter) return;
    if (typeof result === 'string' && result.length > meter.limits.maxString)
      throw limitHit('built a string that is too long', 'STRING', meter.limits.maxString);
    if (Array.isArray(result) && result.length > meter.limits.maxSequence)
      throw limitHit('built a sequence that is too long', 'SEQUENCE', meter.limits.maxSequence);
  },
};

interface JsonataFunction {
  _jsonata_function: true;
  implementation: (this: unknown, ...args: never[]) => unknown;
  signature: unknown;
}

type Builtin = 'pad' | 'join' | 'replace' | 'fromMillis' | 'now' | 'millis' | 'random' | 'shuffle';
let builtins: Promise<Record<Builtin, JsonataFunction>> | undefined;

/** JSONata's own function objects (implementation + parsed signature), read once through JSONata itself. */
function originals(): Promise<Record<Builtin, JsonataFunction>> {
  builtins ??= jsonata(
    '{"pad": $pad, "join": $join, "replace": $replace, "fromMillis": $fromMillis, "now": $now, "millis": $millis, "random": $random, "shuffle": $shuffle}',
  ).evaluate({}) as Promise<Record<Builtin, JsonataFunction>>;
  return builtins;
}

/** Same signature (so context defaulting and type checks stay JSONata's), another implementation. */
const like = (original: JsonataFunction, implementation: (this: unknown, ...args: never[]) => unknown): JsonataFunction => ({
  ...original,
  implementation,
});

const size = (v: unknown) => (typeof v === 'string' ? v.length : 0);

function occurrences(text: string, pattern: string, limit: number | undefined): number {
  let n = 0;
  for (let at = text.indexOf(pattern); at >= 0 && (limit === undefined || n < limit); at = text.indexOf(pattern, at + pattern.length)) n++;
  return n;
}

type Focus = { environment: unknown };
/** The meter of the evaluation a builtin was called from (always there: these are only bound with one). */
const meterIn = (focus: unknown) => meterOf((focus as Focus).environment)!;
const tooLong = (max: number) => limitHit('built a string that is too long', 'STRING', max);

let guarded: Promise<Record<string, JsonataFunction>> | undefined;

/**
 * Bindings that replace JSONata's clock, randomness and the string builders that could allocate
 * past `maxString` in one call. Built once; each call finds its evaluation's clock and limits
 * through the meter of the environment it runs in.
 */
export function guardedFunctions(): Promise<Record<string, JsonataFunction>> {
  guarded ??= originals().then((fn) => ({
    now: like(fn.now, function (this: unknown, picture?: string, timezone?: string) {
      return fn.fromMillis.implementation.call(this, meterIn(this).now as never, picture as never, timezone as never);
    }),
    millis: like(fn.millis, function (this: unknown) {
      return meterIn(this).now;
    }),
    random: like(fn.random, function (this: unknown) {
      return meterIn(this).clock.random();
    }),
    shuffle: like(fn.shuffle, function (this: unknown, arr: unknown[] | undefined) {
      if (arr === undefined || arr.length <= 1) return arr;
      const { clock } = meterIn(this);
      const out = new Array(arr.length); // JSONata's inside-out Fisher-Yates, drawing from the clock
      for (let i = 0; i < arr.length; i++) {
        const j = Math.floor(clock.random() * (i + 1));
        if (i !== j) out[i] = out[j];
        out[j] = arr[i];
      }
      return out;
    }),
    pad: like(fn.pad, function (this: unknown, str: string, width: number, char?: string) {
      const max = meterIn(this).limits.maxString;
      if (Math.abs(Math.trunc(width)) * Math.max(1, size(char)) > max) throw tooLong(max);
      return fn.pad.implementation.call(this, str as never, width as never, char as never);
    }),
    join: like(fn.join, function (this: unknown, strs: string[] | string, separator?: string) {
      const max = meterIn(this).limits.maxString;
      const list = Array.isArray(strs) ? strs : [strs];
      if (list.reduce((n, s) => n + size(s), 0) + Math.max(0, list.length - 1) * size(separator) > max) throw tooLong(max);
      return fn.join.implementation.call(this, strs as never, separator as never);
    }),
    replace: like(fn.replace, function (this: unknown, str: string, pattern: unknown, replacement: unknown, limit?: number) {
      const max = meterIn(this).limits.maxString;
      if (typeof str === 'string' && typeof replacement === 'string' && pattern !== '') {
        const count = typeof pattern === 'string' ? occurrences(str, pattern, limit) : Math.min(limit ?? Infinity, str.length + 1);
        // A regex replacement may insert groups ($1…): bound each match by the whole input.
        const each =
          typeof pattern === 'string'
            ? replacement.length - pattern.length
            : replacement.length + (replacement.includes('$') ? str.length : 0);
        if (str.length + count * Math.max(0, each) > max) throw tooLong(max);
      }
      return fn.replace.implementation.call(this, str as never, pattern as never, replacement as never, limit as never);
    }),
  }));
  return guarded;
}
