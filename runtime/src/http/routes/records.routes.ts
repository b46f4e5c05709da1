import { Router } from 'express';
import { param } from '../params';
import type { Platform } from '../../platform/platform';
import { parseFilter, parseLimit, parseSort } from '../query-params';
import { badRequest } from '../problem';
import { etagOf, ifMatchVersion } from '../etag';
import { recordScope } from '../caller';
import { registerCsvRoutes } from './csv.routes';
import { registerAggregateRoute } from './aggregate.routes';
import { registerAuditRoute } from './audit.routes';
import { writeGateMiddleware } from '../write-gate.middleware';

/** `count=true` counts up to this many; `count=exact` has no cap (and may be slow on big tables). */
const TOTAL_CAP = 1_000;

/**
 * The generated REST API of every published app: /api/apps/:appId/data/:entity[/:id]. Every
 * handler resolves the caller's scope first (membership, entity policy); the records service
 * enforces actions, rows and fields.
 */
export function recordsRoutes(platform: Platform): Router {
  const r = Router();
  // First: a write to an entity whose data a publish is moving waits, then goes to the new shape.
  r.use(writeGateMiddleware(platform.writes));
  const { records } = platform;

  // Before `/:id`, which would take "aggregate" and "export.csv" for record ids.
  registerAggregateRoute(r, platform);
  registerCsvRoutes(r, platform);
  registerAuditRoute(r, platform);

  r.get('/apps/:appId/data/:entity', async (req, res) => {
    const s = await recordScope(platform, req);
    const { entity } = s.target;
    const filter = parseFilter(req.query.filter, entity, s.policy.hidden);
    const cursor = req.query.cursor;
    if (cursor !== undefined && typeof cursor !== 'string') throw badRequest('cursor must be given once');
    const page = await records.list(
      s,
      { filter, sort: parseSort(req.query.sort, entity, s.policy.hidden), limit: parseLimit(req.query.limit), cursor: cursor || undefined },
      { rollups: req.query.rollups !== 'false' },
    );
    const body: Record<string, unknown> = { items: page.items, nextCursor: page.nextCursor };
    if (req.query.count === 'true') {
      // A list shows "1–25 of more than 1,000": past the cap an exact count would scan the whole match.
      const total = await records.count(s, filter, TOTAL_CAP + 1);
      body.total = Math.min(total, TOTAL_CAP);
      if (total > TOTAL_CAP) body.totalCapped = true;
    } else if (req.query.count === 'exact') {
      body.total = await records.count(s, filter);
    } else if (req.query.count !== undefined && req.query.count !== 'false') {
      throw badRequest(`count must be true (capped at ${TOTAL_CAP.toLocaleString('en')}), exact or false`);
    }
    res.json(body);
  });

  r.post('/apps/:appId/data/:entity', async (req, res) => {
    const s = await recordScope(platform, req);
    const doc = await records.create(s, req.body);
    res
      .status(201)
      .location(`${req.baseUrl}/apps/${param(req, 'appId')}/data/${param(req, 'entity')}/${doc.id}`)
      .setHeader('ETag', etagOf(doc.version))
      .json(doc);
  });

  r.get('/apps/:appId/data/:entity/:id', async (req, res) => {
    const s = await recordScope(platform, req);
    const doc = await records.get(s, param(req, 'id'));
    res.setHeader('ETag', etagOf(doc.version)).json(doc);
  });

  r.patch('/apps/:appId/data/:entity/:id', async (req, res) => {
    const s = await recordScope(platform, req);
    const doc = await records.update(s, param(req, 'id'), req.body, ifMatchVersion(req));
    res.setHeader('ETag', etagOf(doc.version)).json(doc);
  });

  r.delete('/apps/:appId/data/:entity/:id', async (req, res) => {
    const s = await recordScope(platform, req);
    await records.delete(s, param(req, 'id'), ifMatchVersion(req));
    res.status(204).end();
  });
  return r;
}
