import { ExpressionError } from './expression.error';

/**
 * What one evaluation may do. Expressions come from app definitions and from workflow configs
 * written by consultants, and run on the server for every record: each must stop. Steps (AST
 * nodes evaluated) bound the work deterministically; depth, sequence and string size bound
 * memory; wall time is only the last resort for a single step that is slow on its own.
 */
export interface ExpressionLimits {
  /** AST nodes one evaluation may evaluate (`$eval`'d code included). */
  maxSteps: number;
  /** Nesting depth of evaluation (guards runaway recursion). */
  maxDepth: number;
  /** Length of any sequence or array built or returned while evaluating (guards `[1..1e7]`). */
  maxSequence: number;
  /** Length of any string built or returned while evaluating (guards `$pad("", 1e9)`, doubling). */
  maxString: number;
  /** Length of the source. */
  maxLength: number;
  /**
   * Milliseconds one evaluation may run: a backstop only, checked with the steps. Steps and sizes
   * bound the work; wall time also counts GC pauses and a loaded machine, so it stays far above
   * what any evaluation within the step limit needs (at 100 ms, exports under load lost values).
   */
  timeoutMs: number;
}

/** One set of limits for server, builder and renderer, so an expression behaves the same everywhere. */
export const DEFAULT_LIMITS: Readonly<ExpressionLimits> = Object.freeze({
  maxSteps: 100_000,
  maxDepth: 200,
  maxSequence: 100_000,
  maxString: 1_000_000,
  maxLength: 10_000,
  timeoutMs: 1_000,
});

/**
 * The work one execution (a workflow run, a list request, a CSV import) may spend across all its
 * evaluations. Create one per execution and pass it to every `evaluate` of it: once spent, the
 * evaluation that overdraws it fails and every later one is refused before it starts.
 */
export interface ExpressionBudget {
  /** Steps the execution may spend in total. */
  readonly steps: number;
  /** Steps spent so far. */
  readonly used: number;
  readonly remaining: number;
  readonly exhausted: boolean;
  /** Spends `n` steps; throws a `budget` ExpressionError when that overdraws the budget. */
  spend(n: number): void;
}

export const DEFAULT_BUDGET_STEPS = 10_000_000;

export function createBudget(options: { steps?: number } = {}): ExpressionBudget {
  const steps = options.steps ?? DEFAULT_BUDGET_STEPS;
  if (!(steps >= 0)) throw new RangeError('a budget needs a number of steps >= 0');
  let used = 0;
  return {
    steps,
    get used() {
      return used;
    },
    get remaining() {
      return Math.max(0, steps - used);
    },
    get exhausted() {
      return used >= steps;
    },
    spend(n: number) {
      used += n;
      if (used > steps) throw budgetSpent(steps);
    },
  };
}

export const budgetSpent = (steps: number) =>
  new ExpressionError(`the execution's expression budget is spent (limit ${steps} steps)`, 'BUDGET', 'budget');

/** Fills what the caller left out with the defaults; refuses nonsense so a typo cannot lift a bound. */
export function resolveLimits(partial: Partial<ExpressionLimits> | undefined): ExpressionLimits {
  if (!partial) return DEFAULT_LIMITS;
  const out = { ...DEFAULT_LIMITS, ...partial };
  for (const [k, v] of Object.entries(out)) {
    if (typeof v !== 'number' || Number.isNaN(v) || v <= 0) throw new RangeError(`expression limit ${k} must be a positive number`);
  }
  return out;
}
