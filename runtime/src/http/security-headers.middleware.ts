/**
 * Security headers on every response (helmet): the apps and the builder are served from this
 * origin and load nothing from elsewhere, so the policy can be narrow. A page cannot be framed
 * (clickjacking), responses are not MIME-sniffed, and a script injected into a page cannot load
 * from or send to another origin.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  // The bundles only, no inline script. 'unsafe-eval' because ajv compiles each entity's record
  // validator in the browser (new Function); only code already running can call eval, and
  // compiling the validators at build time (as the definition validator is) would drop it.
  scriptSrc: ["'self'", "'unsafe-eval'"],
  scriptSrcAttr: ["'none'"],
  // Ant Design writes its styles into <style> elements at run time.
  styleSrc: ["'self'", "'unsafe-inline'"],
  // The favicon is a data: URL; charts and exports make blob: images.
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  // Monaco's language workers.
  workerSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Off: Tessera is often served over plain HTTP on a LAN, where this would break every request.
  upgradeInsecureRequests: null,
};

/**
 * API answers are data, never documents: their policy lets a JSON body opened as a page run and
 * load nothing and be framed by no one, in four short headers (the pages' dozen cost every API
 * request bytes and time for nothing).
 */
const API_POLICY = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] };

const common = {
  // HSTS belongs to whoever terminates TLS (a reverse proxy); sent from here over plain HTTP it
  // is ignored, and sent through a proxy it would bind the whole domain without the operator's say.
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'same-origin' as const },
};

export function securityHeaders(): RequestHandler {
  const pages = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
  });
  const api = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: API_POLICY },
    frameguard: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  return (req, res, next) => (req.path.startsWith('/api/') ? api(req, res, next) : pages(req, res, next));
}
