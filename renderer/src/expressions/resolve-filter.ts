/**
 * Component filters may depend on the page: `{ "company": ":id" }` (a route parameter by
 * name) or `{ "company": { "$expr": "$params.id" } }`. Both are replaced by values before the
 * query leaves the browser, so the server only ever sees plain filters.
 */
import { isExpression } from '@tessera/core/expressions';
import { evaluate, type ExpressionScope } from './expression.evaluate';

const PARAM = /^:([a-zA-Z][a-zA-Z0-9_]*)$/;

/** True when the filter names a route parameter the page doesn't have (then nothing should load). */
export function missingParams(filter: unknown, params: Record<string, string>): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      const m = PARAM.exec(v);
      if (m && params[m[1]] === undefined) out.push(m[1]);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object' && !isExpression(v)) Object.values(v).forEach(walk);
  };
  walk(filter);
  return out;
}

export async function resolveFilter<T>(filter: T, scope: ExpressionScope): Promise<T> {
  const params = scope.params ?? {};
  const walk = async (v: unknown): Promise<unknown> => {
    if (typeof v === 'string') {
      const m = PARAM.exec(v);
      return m && params[m[1]] !== undefined ? params[m[1]] : v;
    }
    if (isExpression(v)) return evaluate(v.$expr, scope);
    if (Array.isArray(v)) return Promise.all(v.map(walk));
    if (v && typeof v === 'object') {
      const entries = await Promise.all(Object.entries(v).map(async ([k, x]) => [k, await walk(x)] as const));
      return Object.fromEntries(entries);
    }
    return v;
  };
  return (await walk(filter)) as T;
}

/** Joins filters with $and, dropping empty ones. */
export function andFilters(...filters: Array<Record<string, unknown> | undefined | null>): Record<string, unknown> | undefined {
  const parts = filters.filter((f): f is Record<string, unknown> => !!f && Object.keys(f).length > 0);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { $and: parts };
}
