import type { NextFunction, Request, Response } from 'express';
import type { Route, WriteGate } from '../platform/publishing/write-gate';

const DATA = /^\/apps\/([^/]+)\/data\/([^/]+)(\/[^?]*)?$/;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A held JSON body in the old shape, in the new one: renamed keys take their new names (a key given under both keeps the new one). */
function renameBody(body: unknown, route: Route): void {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  const doc = body as Record<string, unknown>;
  for (const [from, to] of route.fields) {
    if (!(from in doc)) continue;
    if (!(to in doc)) doc[to] = doc[from];
    delete doc[from];
  }
}

/**
 * Record writes (create, update, replace, delete, CSV import) pass the write gate
 * (platform/publishing/write-gate.ts): while a publish moves the entity's data they wait, and a
 * write that waited for a move is sent on in the new shape, to the renamed entity and fields.
 * A CSV import holds its place until the import has run (the route releases it).
 */
export function writeGateMiddleware(gate: WriteGate) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const m = READS.has(req.method) ? null : DATA.exec(req.path);
    if (!m) return next();
    const [, appId, entity, rest = ''] = m;
    // A refusal (503) carries its retryAfter, which the error handler sends as Retry-After.
    const { route, leave } = await gate.enter(decodeURIComponent(appId), decodeURIComponent(entity));
    res.locals.leaveWriteGate = leave;
    const done = () => {
      if (!res.locals.holdWriteGate) leave();
    };
    res.once('finish', done);
    res.once('close', done);
    if (route) {
      req.url = `/apps/${appId}/data/${encodeURIComponent(route.entity)}${rest}${req.url.slice(req.url.indexOf('?') < 0 ? req.url.length : req.url.indexOf('?'))}`;
      renameBody(req.body, route);
    }
    next();
  };
}
