import express from 'express';
import type { Server } from 'node:http';
import type { Platform } from '../platform/platform';
import { authenticate } from './auth.middleware';
import { enforceKeyScope } from './key-scope.middleware';
import { sameOriginForCookies } from './csrf.middleware';
import { errorHandler, notFoundHandler } from './errors.middleware';
import { authRoutes } from './routes/auth.routes';
import { appsRoutes } from './routes/apps.routes';
import { recordsRoutes } from './routes/records.routes';
import { liveRoutes } from './routes/live.routes';
import { viewsRoutes } from './routes/views.routes';
import { membersRoutes } from './routes/members.routes';
import { credentialsRoutes } from './routes/credentials.routes';
import { runtimeRoutes } from './routes/runtime.routes';
import { connectorsRoutes } from './routes/connectors.routes';
import { Problem, unprocessable } from './problem';
import { MAX_JSON_DEPTH, tooDeepAt } from '@tessera/core';
import { requestLog } from './request-log.middleware';
import { securityHeaders } from './security-headers.middleware';
import { clientRoutes } from './client/client.routes';
import { hookDeliveriesRoutes, inboundHooksRoutes } from './routes/hooks.routes';

/** The Express application: JSON API under /api, problem+json errors, one log line per request. */
export function createHttpApp(platform: Platform): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', platform.config.trustProxy); // off unless configured (X-Forwarded-For is trivially forged)
  app.set('etag', false); // our ETags are record versions, set explicitly

  app.use(requestLog(platform.log));
  app.use(securityHeaders());

  // Before the API's JSON parser and auth: a webhook reads its raw body and is authenticated by its signature.
  app.use('/api/hooks', inboundHooksRoutes(platform, platform.webhookEvents));

  const api = express.Router();
  api.use(express.json({ limit: platform.config.maxBodyBytes, strict: false, type: ['application/json', 'application/*+json'] }));
  // A mutating request must be JSON: it keeps HTML forms on other sites (CSRF) from reaching us with
  // a cookie. CSV imports take text/csv, which a cross-site form cannot send either (not a CORS-safelisted type).
  api.use((req, _res, next) => {
    if (
      ['POST', 'PUT', 'PATCH'].includes(req.method) &&
      req.headers['content-length'] !== '0' &&
      !req.is(['application/json', 'application/*+json'])
    ) {
      if (!(req.method === 'POST' && req.path.endsWith('/import') && req.is('text/csv'))) {
        throw new Problem(415, 'Unsupported media type', 'send the body as application/json');
      }
    }
    next();
  });
  // Before anything walks the body: a value nested ~1,000 levels deep breaks recursive code downstream.
  api.use((req, _res, next) => {
    const at = req.body && typeof req.body === 'object' ? tooDeepAt(req.body) : null;
    if (at === null) return next();
    const message = `nests deeper than ${MAX_JSON_DEPTH} levels`;
    throw unprocessable(`the body ${message} (at ${at.length > 60 ? `${at.slice(0, 60)}…` : at})`, [{ pointer: at, message }]);
  });
  api.get('/health', (_req, res) => {
    const fullSince = platform.storageHealth.fullAt;
    if (fullSince)
      return void res.status(503).json({ status: 'degraded', store: platform.store.kind, storage: { full: true, since: fullSince } });
    // The server answers, but some app is not served: ids only (the reasons are for signed-in builders and the console).
    const quarantined = platform.quarantine.list().map((q) => q.appId);
    res.json({
      status: quarantined.length ? 'degraded' : 'ok',
      store: platform.store.kind,
      ...(quarantined.length ? { quarantined } : {}),
    });
  });
  api.use(authenticate(platform.accounts));
  api.use(enforceKeyScope);
  api.use(sameOriginForCookies);
  // The records API is the hot path: matched first.
  api.use(recordsRoutes(platform));
  api.use(authRoutes(platform));
  api.use(appsRoutes(platform));
  api.use(runtimeRoutes(platform));
  api.use(liveRoutes(platform));
  api.use(viewsRoutes(platform));
  api.use(membersRoutes(platform));
  api.use(connectorsRoutes(platform));
  api.use(credentialsRoutes(platform));
  api.use(hookDeliveriesRoutes(platform, platform.webhookEvents));
  api.use(notFoundHandler);

  app.use('/api', api);
  // The app client (/apps/:appId…) and the builder (/builder), built by vite; `/` redirects to /apps/.
  app.use(clientRoutes());
  app.use(notFoundHandler);
  app.use(errorHandler(platform.log, () => platform.storageHealth.full()));
  return app;
}

export function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(server)));
    server.once('error', reject);
    // Bound slow clients: headers within 20 s, whole request within 60 s.
    server.headersTimeout = 20_000;
    server.requestTimeout = 60_000;
  });
}
