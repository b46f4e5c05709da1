import jsonata from 'jsonata';

/**
 * JSONata evaluation with guardrails. Expressions come from app definitions written by
 * consultants and must never hang or exhaust the server: every evaluation runs with a time
 * limit, a recursion-depth limit and a sequence-length limit (JSONata 2.2's own guardrails,
 * checked at every evaluation step), and JSONata cannot reach host JavaScript.
 */

export interface ExpressionLimits {
  /** Milliseconds one evaluation may run. */
  timeoutMs: number;
  /** Maximum evaluation depth (guards runaway recursion). */
  maxDepth: number;
  /** Maximum length of any sequence built while evaluating (guards `[1..1e7]`). */
  maxSequence: number;
  /** Maximum source length. */
  maxLength: number;
}

export const DEFAULT_LIMITS: ExpressionLimits = { timeoutMs: 100, maxDepth: 200, maxSequence: 100_000, maxLength: 10_000 };

/** An expression that failed to parse or to evaluate; `position` is a character offset when known. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly position?: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

const cache = new Map<string, jsonata.Expression>();
const CACHE_MAX = 2000;

/** Parses once and caches (bounded), since the same definition expressions run for every record. */
export function compileExpression(source: string, limits: ExpressionLimits = DEFAULT_LIMITS): jsonata.Expression {
  if (source.length > limits.maxLength) {
    throw new ExpressionError(`expression is longer than ${limits.maxLength} characters`, 'TOO_LONG');
  }
  const key = `${limits.timeoutMs}|${limits.maxDepth}|${limits.maxSequence}|${source}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(source, { timeout: limits.timeoutMs, stack: limits.maxDepth, sequence: limits.maxSequence });
  } catch (err) {
    throw toExpressionError(err);
  }
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}

/** Evaluates `source` against `input`; `bindings` become `$name` variables. */
export async function evaluateExpression(
  source: string,
  input: unknown,
  bindings: Record<string, unknown> = {},
  limits: ExpressionLimits = DEFAULT_LIMITS,
): Promise<unknown> {
  const compiled = compileExpression(source, limits);
  try {
    const result = await compiled.evaluate(input, bindings);
    return normalize(result);
  } catch (err) {
    throw toExpressionError(err);
  }
}

/** `{ "$expr": "…" }` — the only way a definition marks an expression. */
export function isExpression(value: unknown): value is { $expr: string } {
  return typeof value === 'object' && value !== null && typeof (value as { $expr?: unknown }).$expr === 'string';
}

/** JSONata returns its own sequence arrays and `undefined` for "no match"; callers want plain JSON. */
function normalize(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(normalize);
  return value;
}

const MESSAGES: Record<string, string> = {
  D1011: 'expression recursed too deeply',
  D1012: 'expression ran too long',
  D2015: 'expression built a sequence that is too long',
};

function toExpressionError(err: unknown): ExpressionError {
  if (err instanceof ExpressionError) return err;
  const e = err as { code?: string; message?: string; position?: number; value?: unknown };
  const code = e.code ?? 'EVAL';
  const message = MESSAGES[code] ? `${MESSAGES[code]} (limit ${String(e.value)})` : (e.message ?? String(err));
  return new ExpressionError(message, code, e.position);
}
