/**
 * Answers a request with the operation whose path and method match: the API key (unless the
 * operation is public), the query and body checks, then the operation's handler. Every answer is
 * JSON, errors included (`{ error: { code, message, problems? } }`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkApiKey } from './api-key';
import type { Operation } from './operation';
import { requestChecks, type RequestChecks } from './request-checks';
import { ShopError } from './shop-error';

interface Route {
  op: Operation;
  pattern: RegExp;
  names: string[];
  checks: RequestChecks;
}

function compile(op: Operation): Route {
  const names: string[] = [];
  const source = op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { op, pattern: new RegExp(`^${source}$`), names, checks: requestChecks(op) };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function createRouter(operations: Operation[], apiKey: string) {
  const routes = operations.map(compile);

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock-shop');
    const matching = routes.flatMap((route) => {
      const m = route.pattern.exec(url.pathname);
      return m ? [{ route, values: m.slice(1) }] : [];
    });
    if (!matching.some((m) => m.route.op.public)) checkApiKey(req, apiKey);
    if (matching.length === 0) throw new ShopError(404, 'not_found', `no endpoint ${url.pathname}`);
    const found = matching.find((m) => m.route.op.method === req.method);
    if (!found) {
      const allow = matching.map((m) => m.route.op.method).join(', ');
      return send(res, 405, new ShopError(405, 'method_not_allowed', `use ${allow}`), { allow });
    }
    const { route, values } = found;
    const path: Record<string, string> = {};
    try {
      route.names.forEach((name, i) => (path[name] = decodeURIComponent(values[i])));
    } catch {
      throw new ShopError(404, 'not_found', `no endpoint ${url.pathname}`);
    }
    const query = route.checks.query(url.searchParams);
    const body = await route.checks.body(req);
    const result = route.op.handle({ path, query, body });
    send(res, route.op.response.status, result);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    answer(req, res).catch((error: unknown) => {
      if (error instanceof ShopError) return send(res, error.status, error);
      // Only the message: a stack or the request could carry the key.
      console.error(`mock-shop: ${error instanceof Error ? error.message : String(error)}`);
      send(res, 500, new ShopError(500, 'internal', 'internal error'));
    });
  };
}
