import { Router } from 'express';
import { param } from '../params';
import { validateDefinition } from '@tessera/core';
import type { Platform } from '../../platform/platform';
import { badRequest } from '../problem';
import { principalOf, requireRole } from '../auth.middleware';
import { etagOf, ifMatchVersion } from '../etag';
import { buildOpenApi } from '../../platform/openapi';
import { parseDraftSave } from '../../platform/renames/renames.input';

function positiveInt(raw: unknown, name: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw badRequest(`${name} must be a positive integer`);
  return n;
}

/** Drafts, validation, publishing, versions, rollback, the OpenAPI document: builders and admins only (the app list: anyone signed in). */
export function appsRoutes(platform: Platform): Router {
  const r = Router();
  const { apps } = platform;
  const builder = requireRole('builder');

  // Members see the apps they are members of; admins and builders see every app.
  r.get('/apps', async (req, res) => {
    const { user } = principalOf(req);
    const all = await apps.list();
    if (platform.access.isBypass(user)) return void res.json({ items: all });
    const mine = await platform.memberships.appsOf(user.id);
    res.json({ items: all.filter((a) => mine.has(a.id) && a.publishedVersion !== null) });
  });
  r.post('/apps/validate', builder, (req, res) => {
    const result = validateDefinition(req.body);
    res.json(result.ok ? { ok: true, errors: [] } : { ok: false, errors: result.errors });
  });
  r.post('/apps', builder, async (req, res) => {
    const app = await apps.create(req.body, principalOf(req).user.id);
    res.status(201).location(`/api/apps/${app.id}`).setHeader('ETag', etagOf(app.revision)).json(app);
  });
  r.get('/apps/:appId', builder, async (req, res) => {
    const app = await apps.get(param(req, 'appId'));
    res.setHeader('ETag', etagOf(app.revision)).json(app);
  });
  r.put('/apps/:appId', builder, async (req, res) => {
    const { definition, renames } = parseDraftSave(req.body);
    const app = await apps.saveDraft(param(req, 'appId'), definition, {
      expectedRevision: ifMatchVersion(req),
      userId: principalOf(req).user.id,
      renames,
    });
    res.setHeader('ETag', etagOf(app.revision)).json(app);
  });
  r.delete('/apps/:appId', requireRole('admin'), async (req, res) => {
    await apps.delete(param(req, 'appId'), req.query.force === 'true');
    res.status(204).end();
  });
  r.get('/apps/:appId/history', builder, async (req, res) => {
    res.json({ items: await apps.history(param(req, 'appId')) });
  });
  r.get('/apps/:appId/history/:revision', builder, async (req, res) => {
    res.json(await apps.revision(param(req, 'appId'), positiveInt(param(req, 'revision'), 'revision')));
  });
  r.post('/apps/:appId/publish', builder, async (req, res) => {
    const body = (req.body ?? {}) as { note?: unknown; renames?: unknown };
    // The renames a publish moves come from the draft's rename log, so every client publishes the same moves.
    if (body.renames !== undefined) {
      throw badRequest('renames are saved with the draft: PUT /api/apps/:appId { "definition": …, "renames": [...] }, then publish', [
        { pointer: '/renames', message: 'is not allowed here' },
      ]);
    }
    const info = await apps.publish(param(req, 'appId'), { note: body.note, userId: principalOf(req).user.id });
    res.status(201).json(info);
  });
  r.get('/apps/:appId/versions', builder, async (req, res) => {
    res.json({ items: await apps.versions(param(req, 'appId')) });
  });
  r.get('/apps/:appId/versions/:version', builder, async (req, res) => {
    res.json(await apps.version(param(req, 'appId'), positiveInt(param(req, 'version'), 'version')));
  });
  r.post('/apps/:appId/rollback', builder, async (req, res) => {
    const body = (req.body ?? {}) as { version?: unknown; renames?: unknown };
    const version = positiveInt(body.version, 'version');
    res.status(201).json(await apps.rollback(param(req, 'appId'), version, principalOf(req).user.id, body.renames));
  });
  // The whole API of the app, every field included: for the people who build it and integrate with it.
  r.get('/apps/:appId/openapi.json', builder, async (req, res) => {
    const published = await apps.getPublished(param(req, 'appId'));
    if (!published) throw badRequest(`app "${param(req, 'appId')}" is not published`);
    res.json(buildOpenApi(published.definition, published.version));
  });
  return r;
}
