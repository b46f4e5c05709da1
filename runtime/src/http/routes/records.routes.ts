import { Router } from 'express';
import { param } from '../params';
import type { Platform } from '../../platform/platform';
import { parseFilter, parseLimit, parseSort } from '../../platform/query-params';
import { principalOf } from '../auth.middleware';
import { badRequest } from '../problem';
import { etagOf, ifMatchVersion } from '../etag';

/**
 * The generated REST API of every published app: /api/apps/:appId/data/:entity[/:id].
 * Per-app roles and row/field permissions are enforced by the records service's policy (app users
 * and roles issue); here every signed-in caller is identified first.
 */
export function recordsRoutes(platform: Platform): Router {
  const r = Router();
  const { records } = platform;

  r.get('/apps/:appId/data/:entity', async (req, res) => {
    principalOf(req);
    const { entity } = await records.target(param(req, 'appId'), param(req, 'entity'));
    const filter = parseFilter(req.query.filter, entity);
    const cursor = req.query.cursor;
    if (cursor !== undefined && typeof cursor !== 'string') throw badRequest('cursor must be given once');
    const page = await records.list(param(req, 'appId'), param(req, 'entity'), {
      filter,
      sort: parseSort(req.query.sort, entity),
      limit: parseLimit(req.query.limit),
      cursor: cursor || undefined,
    });
    const body: Record<string, unknown> = { items: page.items, nextCursor: page.nextCursor };
    if (req.query.count === 'true') body.total = await records.count(param(req, 'appId'), param(req, 'entity'), filter);
    res.json(body);
  });

  r.post('/apps/:appId/data/:entity', async (req, res) => {
    const p = principalOf(req);
    const doc = await records.create(param(req, 'appId'), param(req, 'entity'), req.body, p);
    res.status(201).location(`${req.baseUrl}/apps/${param(req, 'appId')}/data/${param(req, 'entity')}/${doc.id}`).setHeader('ETag', etagOf(doc.version)).json(doc);
  });

  r.get('/apps/:appId/data/:entity/:id', async (req, res) => {
    principalOf(req);
    const doc = await records.get(param(req, 'appId'), param(req, 'entity'), param(req, 'id'));
    res.setHeader('ETag', etagOf(doc.version)).json(doc);
  });

  r.patch('/apps/:appId/data/:entity/:id', async (req, res) => {
    principalOf(req);
    const doc = await records.update(param(req, 'appId'), param(req, 'entity'), param(req, 'id'), req.body, ifMatchVersion(req));
    res.setHeader('ETag', etagOf(doc.version)).json(doc);
  });

  r.delete('/apps/:appId/data/:entity/:id', async (req, res) => {
    principalOf(req);
    await records.delete(param(req, 'appId'), param(req, 'entity'), param(req, 'id'), ifMatchVersion(req));
    res.status(204).end();
  });
  return r;
}
