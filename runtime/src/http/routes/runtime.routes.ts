import { Router } from 'express';
import type { Platform } from '../../platform/platform';
import { runtimeInfo } from '../../platform/runtime-info';
import { principalOf } from '../auth.middleware';
import { notFound } from '../problem';
import { param } from '../params';
import { appCaller } from '../caller';

/** GET /api/apps/:appId/runtime: what the app client needs to start (docs/end-user-api.md). */
export function runtimeRoutes(platform: Platform): Router {
  const r = Router();
  r.get('/apps/:appId/runtime', async (req, res) => {
    const caller = await appCaller(platform, req);
    const published = await platform.apps.getPublished(param(req, 'appId'));
    if (!published) throw notFound(`app "${param(req, 'appId')}" does not exist or is not published`);
    res.setHeader('Cache-Control', 'no-store');
    const operations = platform.connectors.operationsFor(published.definition, caller);
    res.json(runtimeInfo(published, caller, principalOf(req).user.role, operations));
  });
  return r;
}
