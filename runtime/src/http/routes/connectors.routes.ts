import { Router } from 'express';
import type { Platform } from '../../platform/platform';
import { principalOf, requireRole } from '../auth.middleware';
import { appCaller } from '../caller';
import { param } from '../params';
import { checkBody } from '../../platform/connectors/connectors.input';
import type { OperationRequest } from '../../platform/connectors/connection-calls';
import { installOpenApi, type OpenApiImportRequest } from '../../platform/connectors/openapi-install';

/**
 * The connector catalogue (builders and admins) and operation calls (any app member the
 * connection's `access` allows): docs/connectors.md.
 */
export function connectorsRoutes(platform: Platform): Router {
  const r = Router();
  const builder = requireRole('builder');
  const { catalogue } = platform.connectors;

  r.get('/connectors', builder, (_req, res) => void res.json({ items: catalogue.list() }));
  r.get('/connectors/:name/:version', builder, (req, res) => void res.json(catalogue.get(param(req, 'name'), param(req, 'version'))));
  r.post('/connectors', builder, async (req, res) => {
    const { info, created } = await catalogue.install(req.body, 'manifest', principalOf(req).user.id);
    res.status(created ? 201 : 200).json(info);
  });
  r.post('/connectors/import', builder, async (req, res) => {
    const body = checkBody<OpenApiImportRequest>('import', req.body);
    const out = await installOpenApi(body, { catalogue, outbound: platform.connectors.outbound, userId: principalOf(req).user.id });
    res.status(out.created ? 201 : 200).json({ connector: out.connector, warnings: out.warnings });
  });
  r.post('/connectors/:name/:version/deprecate', builder, async (req, res) => {
    const { message } = checkBody<{ message?: string }>('deprecate', req.body);
    res.json(await catalogue.deprecate(param(req, 'name'), param(req, 'version'), message ?? ''));
  });

  r.post('/apps/:appId/connections/:connection/operations/:operation', async (req, res) => {
    const caller = await appCaller(platform, req);
    const body = checkBody<Omit<OperationRequest, 'connection' | 'operation'>>('call', req.body);
    const result = await platform.connectors.calls.call(param(req, 'appId'), caller, {
      ...body,
      connection: param(req, 'connection'),
      operation: param(req, 'operation'),
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json(result);
  });
  return r;
}
