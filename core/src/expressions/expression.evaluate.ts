import { compile } from './expression.compile';
import { toExpressionError } from './expression.error';
import { budgetSpent, resolveLimits, type ExpressionBudget, type ExpressionLimits } from './expression.limits';
import { systemClock, type ExpressionClock } from './expression.clock';
import { guardedFunctions, hooks, METER, type Meter } from './expression.guard';

export interface EvaluateOptions {
  /** What the expression's paths read (`amount`, `$`): the record for computed fields and defaults. */
  input?: unknown;
  /** Variables, read as `$name` (`$record`, `$user`, `$params`, a workflow's `$trigger`…). */
  bindings?: Record<string, unknown>;
  /** Per-evaluation limits; what is left out is DEFAULT_LIMITS. */
  limits?: Partial<ExpressionLimits>;
  /** Time and randomness for `$now()`, `$millis()`, `$random()`, `$shuffle()`; default: real time. */
  clock?: ExpressionClock;
  /** The execution's shared budget (createBudget()), when this evaluation is one of many. */
  budget?: ExpressionBudget;
}

/**
 * Evaluates a JSONata expression with the guardrails every caller gets: the same limits, the same
 * result shape (no match is `null`, JSONata's sequences are plain arrays) on server, builder and
 * renderer. JSONata has no access to host JavaScript: its functions are its own and the bindings
 * given. Any failure (parse, limit, budget, evaluation) throws an ExpressionError; a value of
 * `null` is always a real result.
 */
export async function evaluate(source: string, options: EvaluateOptions = {}): Promise<unknown> {
  const limits = resolveLimits(options.limits);
  const compiled = compile(source, limits.maxLength, limits.maxSequence, hooks);
  if (options.budget?.exhausted) throw budgetSpent(options.budget.steps);
  const guarded = await guardedFunctions();
  const clock = options.clock ?? systemClock;
  const meter: Meter = { steps: 0, limits, budget: options.budget, deadline: Date.now() + limits.timeoutMs, clock, now: clock.now() };
  // The guarded builtins and the meter win over caller bindings of the same name.
  const bindings = { ...options.bindings, ...guarded, [METER]: meter };
  try {
    return normalize(await compiled.evaluate(options.input, bindings));
  } catch (err) {
    throw toExpressionError(err, 'evaluation');
  }
}

/** JSONata returns its own sequence arrays and `undefined` for "no match"; callers get plain JSON. */
function normalize(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(normalize);
  return value;
}
