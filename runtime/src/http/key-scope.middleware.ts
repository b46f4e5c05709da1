import type { RequestHandler } from 'express';
import { scopeRefusal } from '../platform/key-scope';
import { forbidden } from './problem';

/**
 * The one place an API key's scope (apps, read-only) is enforced: mounted right after
 * `authenticate`, so every route under /api passes it, and a route added later cannot forget it.
 */
export const enforceKeyScope: RequestHandler = (req, _res, next) => {
  const key = req.principal?.key;
  if (!key) return next();
  const refusal = scopeRefusal(key.scope, req.method, req.path);
  if (refusal) throw forbidden(refusal);
  next();
};
