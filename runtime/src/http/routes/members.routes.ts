import { Router } from 'express';
import type { Platform } from '../../platform/platform';
import { requireRole } from '../auth.middleware';
import { param } from '../params';
import { importMembers } from '../../platform/members/members-import';

/** Who may use an app (admins). Roles must be declared by the app (published version, else the draft). */
export function membersRoutes(platform: Platform): Router {
  const r = Router();
  const admin = requireRole('admin');
  const knownRoles = async (appId: string): Promise<string[]> => {
    const published = await platform.apps.getPublished(appId, { fresh: true });
    const roles = published
      ? published.definition.roles
      : ((await platform.apps.get(appId)).draft.roles as Array<{ id?: unknown }> | undefined);
    return (roles ?? []).map((role) => String(role.id));
  };

  r.get('/apps/:appId/members', admin, async (req, res) => {
    await platform.apps.get(param(req, 'appId')); // 404 for an unknown app
    res.json({ items: await platform.memberships.list(param(req, 'appId')) });
  });
  // Before `/:userId`. Body: the members.json list, or `{ "members": [...], "password": "…" }`.
  r.post('/apps/:appId/members/import', admin, async (req, res) => {
    const appId = param(req, 'appId');
    await platform.apps.get(appId);
    const body = req.body as { members?: unknown; password?: unknown } | unknown[];
    const entries = Array.isArray(body) ? body : body?.members;
    const password = Array.isArray(body) || typeof body?.password !== 'string' ? undefined : body.password;
    const result = await importMembers(platform.accounts, platform.memberships, appId, entries, await knownRoles(appId), { password });
    // The one-time passwords go to the admin who asked, once; they are not logged.
    res.setHeader('Cache-Control', 'no-store').json(result);
  });
  r.put('/apps/:appId/members/:userId', admin, async (req, res) => {
    const appId = param(req, 'appId');
    await platform.apps.get(appId);
    res.json(await platform.memberships.put(appId, param(req, 'userId'), req.body, await knownRoles(appId)));
  });
  r.delete('/apps/:appId/members/:userId', admin, async (req, res) => {
    await platform.memberships.remove(param(req, 'appId'), param(req, 'userId'));
    res.status(204).end();
  });
  return r;
}
