import type { RequestHandler } from 'express';
import { forbidden } from './problem';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery: a browser sends the session cookie with a request another page
 * makes (the cookie is SameSite=Lax, but another port of the same host is the same site, and a
 * bodiless POST needs no content type). So a state-changing request signed in by cookie must come
 * from a page of this origin: `Sec-Fetch-Site: same-origin` where the browser sends it, else an
 * `Origin` equal to this server's. API keys (Authorization header) are never sent by a browser
 * on its own and are not checked.
 */
export const sameOriginForCookies: RequestHandler = (req, _res, next) => {
  if (!STATE_CHANGING.has(req.method) || !req.viaCookie) return next();
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) {
    if (site === 'same-origin') return next();
    throw forbidden(`refused a ${req.method} from another site (${site}); sign in on this page`);
  }
  const origin = req.headers.origin;
  // Host only: behind a TLS-terminating proxy this server sees http while the page is https.
  if (origin !== undefined && hostOf(origin) !== req.headers.host) {
    throw forbidden(`refused a ${req.method} from another origin (${origin})`);
  }
  next(); // neither header: not a browser (a script with a cookie), nothing to forge
};

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (a sandboxed frame, a file) is no origin of ours
  }
}
