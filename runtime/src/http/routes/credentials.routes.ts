import { Router, type Request } from 'express';
import type { Platform } from '../../platform/platform';
import { principalOf, requireRole } from '../auth.middleware';
import { param } from '../params';
import { parseCredentialBody, parseRef } from '../../platform/credentials/credential-input';
import type { CredentialAuthor } from '../../platform/credentials/credentials';

const author = (req: Request): CredentialAuthor => {
  const { id, email, name } = principalOf(req).user;
  return { id, email, name };
};

/**
 * An app's credentials (platform/credentials): for those who may edit its definition (builders
 * and admins). Write-only: a list shows what is set and by whom, a PUT stores a secret and
 * answers without it, and nothing here ever returns one.
 */
export function credentialsRoutes(platform: Platform): Router {
  const r = Router();
  const builder = requireRole('builder');
  const { apps, credentials } = platform;

  r.get('/apps/:appId/credentials', builder, async (req, res) => {
    const appId = param(req, 'appId');
    await apps.get(appId); // 404 for an app that does not exist
    res.json({ items: await credentials.listCredentials(appId) });
  });
  r.put('/apps/:appId/credentials/:ref', builder, async (req, res) => {
    const appId = param(req, 'appId');
    const ref = parseRef(param(req, 'ref'));
    const secret = parseCredentialBody(req.body);
    await apps.get(appId);
    const { created, info } = await credentials.putCredential(appId, ref, secret, author(req));
    res.status(created ? 201 : 200).json(info);
  });
  r.delete('/apps/:appId/credentials/:ref', builder, async (req, res) => {
    const appId = param(req, 'appId');
    await apps.get(appId);
    await credentials.deleteCredential(appId, parseRef(param(req, 'ref')), author(req));
    res.status(204).end();
  });
  return r;
}
