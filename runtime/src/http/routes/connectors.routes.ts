import { Router } from 'express';
import type { Platform } from '../../platform/platform';
import { principalOf, requireRole } from '../auth.middleware';
import { appCaller } from '../caller';
import { param } from '../params';
import { checkBody } from '../../platform/connectors/connectors.input';
import type { OperationRequest } from '../../platform/connectors/connection-calls';
import { installOpenApi, type OpenApiImportRequest } from '../../platform/connectors/openapi-install';
import { installFromRegistry, type RegistryInstallRequest } from '../../platform/connectors/registry-install';

/**
 * The connector catalogue (builders and admins) and operation calls (any app member the
 * connection's `access` allows): docs/connectors.md.
 */
export function connectorsRoutes(platform: Platform): Router {
  const r = Router();
  const builder = requireRole('builder');
  const { catalogue } = platform.connectors;

  r.get('/connectors', builder, (req, res) => {
    const { name } = checkBody<{ name?: string }>('list', req.query);
    res.json({ items: catalogue.list().filter((c) => !name || c.name === name) });
  });
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
  r.post('/connectors/install', builder, async (req, res) => {
    const body = checkBody<RegistryInstallRequest>('installFromRegistry', req.body);
    const out = await installFromRegistry(body, { catalogue, outbound: platform.connectors.outbound, userId: principalOf(req).user.id });
    res.status(out.created ? 201 : 200).json(out.info);
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
