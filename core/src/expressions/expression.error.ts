/**
 * Why an expression gave no value. A failed evaluation always throws this, never returns null,
 * so a caller cannot mistake a limit hit for a real null and decides itself how to show it
 * (the server: 422 or a null computed field with a logged error; the builder: the message).
 */
export type ExpressionFailure =
  /** The source does not parse (or is longer than `maxLength`). */
  | 'parse'
  /** A per-evaluation limit was hit (steps, depth, sequence, string size, wall time). */
  | 'limit'
  /** The execution's shared budget is spent: this and every later evaluation of it is refused. */
  | 'budget'
  /** JSONata raised an error while evaluating (a type error, `$error()`, …). */
  | 'evaluation';

export class ExpressionError extends Error {
  constructor(
    message: string,
    /** JSONata's error code (`S0201`, `T2001`, `D2015`…) or ours (`TOO_LONG`, `STEPS`, `DEPTH`, `TIMEOUT`, `SEQUENCE`, `STRING`, `BUDGET`). */
    readonly code: string,
    readonly failure: ExpressionFailure,
    /** Character offset in the source, when JSONata knows it. */
    readonly position?: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

export const isExpressionError = (err: unknown): err is ExpressionError => err instanceof ExpressionError;

const LIMIT_MESSAGES: Record<string, string> = {
  D1011: 'expression recursed too deeply',
  D1012: 'expression ran too long',
  D2015: 'expression built a sequence that is too long',
};

/** JSONata throws plain objects (`{ code, position, message, value }`); this gives them one shape. */
export function toExpressionError(err: unknown, during: 'parse' | 'evaluation'): ExpressionError {
  if (err instanceof ExpressionError) return err;
  // `$eval` wraps what its code threw (D3121): a limit hit inside it is still that limit.
  const inner = (err as { error?: unknown } | null)?.error;
  if (inner instanceof ExpressionError) return inner;
  const e = (err ?? {}) as { code?: string; message?: string; position?: number; value?: unknown };
  const code = e.code ?? (during === 'parse' ? 'PARSE' : 'EVAL');
  // JSONata's `value` is what was attempted (the sequence's length), not the limit.
  if (LIMIT_MESSAGES[code])
    return new ExpressionError(
      `${LIMIT_MESSAGES[code]}${typeof e.value === 'number' ? ` (${e.value} items)` : ''}`,
      code,
      'limit',
      e.position,
    );
  // A JS RangeError (call stack, string length) is the host's last guard: still a limit, not a value.
  if (err instanceof RangeError) return new ExpressionError(`expression exceeded a limit: ${err.message}`, 'RANGE', 'limit');
  return new ExpressionError(e.message ?? String(err), code, during === 'parse' ? 'parse' : 'evaluation', e.position);
}
