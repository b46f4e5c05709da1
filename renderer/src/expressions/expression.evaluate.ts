/**
 * JSONata in the browser, with the same guardrails as the server (time, depth and sequence
 * limits; no host JavaScript), for `visible` rules, bindings and filter values of components.
 */
import jsonata from 'jsonata';

export const BROWSER_LIMITS = { timeout: 50, stack: 100, sequence: 10_000 };
const MAX_SOURCE = 10_000;
const cache = new Map<string, jsonata.Expression>();

export const isExpression = (v: unknown): v is { $expr: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { $expr?: unknown }).$expr === 'string';

function compile(source: string): jsonata.Expression {
  const hit = cache.get(source);
  if (hit) return hit;
  if (source.length > MAX_SOURCE) throw new Error('expression is too long');
  const compiled = jsonata(source, BROWSER_LIMITS);
  if (cache.size > 500) cache.delete(cache.keys().next().value as string);
  cache.set(source, compiled);
  return compiled;
}

/** The variables every component expression sees: `$params`, `$user`, `$record`. */
export interface ExpressionScope {
  params?: Record<string, string>;
  user?: unknown;
  record?: unknown;
  [name: string]: unknown;
}

export async function evaluate(source: string, scope: ExpressionScope = {}): Promise<unknown> {
  const result = await compile(source).evaluate(scope.record ?? {}, scope);
  return result === undefined ? null : result;
}
