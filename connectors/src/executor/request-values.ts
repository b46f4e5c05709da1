/**
 * The request side of a declarative operation: values are literals or JSONata over `$config`,
 * `$input` and `$page`, all evaluated against one budget per call so a manifest cannot make a
 * call do unbounded work.
 */
import { evaluate, isExpression, isExpressionError, type ExpressionBudget } from '@tessera/core/expressions';
import { ConnectorError } from './connector-error';

export interface ValueScope {
  config: Record<string, unknown>;
  input: Record<string, unknown>;
  page?: Record<string, unknown>;
  response?: unknown;
  records?: unknown;
}

/** A literal, an expression, or a literal object/array with expressions inside (a body built from fields). */
export async function evaluateValue(value: unknown, scope: ValueScope, budget: ExpressionBudget, where: string): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map((v) => evaluateValue(v, scope, budget, where)));
  if (typeof value === 'object' && value !== null && !isExpression(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const x = await evaluateValue(v, scope, budget, where);
      if (x !== undefined) out[k] = x;
    }
    return out;
  }
  if (!isExpression(value)) return value;
  try {
    const out = await evaluate(value.$expr, {
      bindings: { config: scope.config, input: scope.input, page: scope.page, response: scope.response, records: scope.records },
      budget,
    });
    return out ?? undefined;
  } catch (err) {
    if (isExpressionError(err)) throw new ConnectorError('EXPRESSION', `${where}: ${err.message}`);
    throw err;
  }
}

/** Each entry evaluated (or the whole map, when it is one expression); null and missing values left out. */
export async function evaluateMap(
  map: Record<string, unknown> | undefined,
  scope: ValueScope,
  budget: ExpressionBudget,
  where: string,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  if (isExpression(map)) {
    // The expression's result is data (it may hold what a user typed): not evaluated again.
    const whole = await evaluateValue(map, scope, budget, `${where}s`);
    if (whole !== undefined && (typeof whole !== 'object' || Array.isArray(whole)))
      throw new ConnectorError('EXPRESSION', `${where}s: the expression must give an object of names and values`);
    for (const [key, value] of Object.entries((whole ?? {}) as Record<string, unknown>))
      if (value !== undefined && value !== null) out[key] = value;
    return out;
  }
  for (const [key, value] of Object.entries(map ?? {})) {
    const v = await evaluateValue(value, scope, budget, `${where} "${key}"`);
    if (v !== undefined && v !== null) out[key] = v;
  }
  return out;
}

/**
 * The connection's base URL: `config.baseUrl`, else the manifest's, with `{name}` replaced by the
 * config's value (a server variable like a region or tenant: one URL segment, so no "/", "?" or "#").
 */
export function resolveBaseUrl(manifestBaseUrl: string | undefined, config: Record<string, unknown>): URL {
  const template = typeof config.baseUrl === 'string' && config.baseUrl ? config.baseUrl : manifestBaseUrl;
  if (!template) throw new ConnectorError('CONFIG', 'the connection has no base URL: set "baseUrl" in its configuration');
  const filled = template.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const v = config[name];
    if (v === undefined || v === null || v === '')
      throw new ConnectorError('CONFIG', `the base URL needs "${name}" in the connection's configuration`);
    const s = String(v);
    if (/[/?#@\s]/.test(s)) throw new ConnectorError('CONFIG', `"${name}" may not contain "/", "?", "#", "@" or spaces`);
    return s;
  });
  let url: URL;
  try {
    url = new URL(filled);
  } catch {
    throw new ConnectorError('CONFIG', `the base URL "${filled}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConnectorError('CONFIG', 'the base URL must start with http:// or https://');
  return url;
}

/**
 * `/orders/{id}` with input.id, URL-encoded (a value cannot add path segments or a query).
 * `{+path}` keeps the value's slashes (RFC 6570 reserved expansion) for generic HTTP calls; each
 * segment is still encoded and `.`/`..` segments are refused, so it stays under the base URL.
 */
export function fillPath(template: string, input: Record<string, unknown>): string {
  return template.replace(/\{(\+?)([^{}+]+)\}/g, (_, reserved: string, name: string) => {
    const v = input[name];
    if (reserved && v === '') return '';
    if (v === undefined || v === null || v === '')
      throw new ConnectorError('INPUT', `"${name}" is required (it is part of the path)`, {
        problems: [{ pointer: `/${name}`, message: 'is required' }],
      });
    if (!reserved) return encodeURIComponent(String(v));
    const segments = String(v).replace(/^\/+/, '').split('/');
    if (segments.some((s) => s === '.' || s === '..'))
      throw new ConnectorError('INPUT', `"${name}" may not contain "." or ".." segments`, {
        problems: [{ pointer: `/${name}`, message: 'no "." or ".." segments' }],
      });
    return segments.map(encodeURIComponent).join('/');
  });
}

/** Base URL + path + query. The base's own path is kept (`https://api.example.com/v2` + `/orders`). */
export function joinUrl(base: URL, path: string, query: Record<string, unknown>): URL {
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === undefined || v === null) continue;
      url.searchParams.append(key, typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
  }
  return url;
}

/** Header values are text; an object becomes JSON; CR/LF (header injection) is refused. */
export function toHeaderValues(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    const s = typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (/[\r\n]/.test(s)) throw new ConnectorError('INPUT', `header "${key}" may not contain line breaks`);
    out[key.toLowerCase()] = s;
  }
  return out;
}
