import { Router } from 'express';
import type { Platform } from '../../platform/platform';
import { badRequest } from '../problem';
import { param } from '../params';
import { appCaller } from '../caller';

/** Saved table views of an app's members: own views plus every shared one. */
export function viewsRoutes(platform: Platform): Router {
  const r = Router();
  const { views } = platform;
  r.get('/apps/:appId/views', async (req, res) => {
    const caller = await appCaller(platform, req);
    const component = req.query.component;
    if (component !== undefined && typeof component !== 'string') throw badRequest('component must be given once');
    res.json({ items: await views.list(param(req, 'appId'), component || undefined, caller) });
  });
  r.post('/apps/:appId/views', async (req, res) => {
    const caller = await appCaller(platform, req);
    res.status(201).json(await views.create(param(req, 'appId'), req.body, caller));
  });
  r.put('/apps/:appId/views/:id', async (req, res) => {
    const caller = await appCaller(platform, req);
    res.json(await views.update(param(req, 'appId'), param(req, 'id'), req.body, caller));
  });
  r.delete('/apps/:appId/views/:id', async (req, res) => {
    const caller = await appCaller(platform, req);
    await views.remove(param(req, 'appId'), param(req, 'id'), caller);
    res.status(204).end();
  });
  return r;
}
