/**
 * Serves the browser clients built by vite: the end-user app at /apps (runtime/client/dist) and,
 * when built, the builder at /builder (builder-ui/dist). Hashed assets are cached for a year
 * (their name changes with their content); index.html is never cached, so a deploy shows at once.
 * Any other path below the mount is the single-page app's own route: index.html answers it.
 */
import express, { Router, type Request, type Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';

export const CLIENT_DIST = path.resolve(__dirname, '../../../client/dist');
export const BUILDER_DIST = path.resolve(__dirname, '../../../../builder-ui/dist');

const HASHED = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg|jpg|webp)$/;

function notBuilt(res: Response, what: string): void {
  res.status(503).type('html').set('Cache-Control', 'no-store').send(
    `<!doctype html><meta charset="utf-8"><title>Tessera: ${what} not built</title>` +
      `<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">` +
      `<h1>The ${what} is not built yet</h1><p>Run <code>npm run build</code> in the Tessera folder, then reload this page.</p></body>`,
  );
}

/** One single-page app mounted at `mount`, served from `dist` (checked per request, so a later build is picked up). */
function spa(mount: string, dist: string, what: string): Router {
  const r = Router();
  const assets = express.static(dist, {
    index: false,
    fallthrough: true,
    setHeaders(res, file) {
      res.setHeader('Cache-Control', HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (req: Request, res: Response) => {
    const index = path.join(dist, 'index.html');
    if (!fs.existsSync(index)) return notBuilt(res, what);
    res.set('Cache-Control', 'no-cache').sendFile(index);
  };
  r.use(mount, assets);
  // A missing asset is a 404, not the app's HTML (a stale tab asking for an old chunk must fail clearly).
  r.get(`${mount}/assets/*rest`, (_req, res) => {
    if (!fs.existsSync(dist)) return notBuilt(res, what);
    res.status(404).type('text/plain').send('Not found');
  });
  r.get(mount, sendIndex);
  r.get(`${mount}/*rest`, sendIndex);
  return r;
}

export function clientRoutes(): Router {
  const r = Router();
  r.get('/', (_req, res) => res.redirect(302, '/apps/'));
  r.use(spa('/apps', CLIENT_DIST, 'app client'));
  // The builder is built by builder-ui's own script; mounted only when its folder exists.
  if (fs.existsSync(path.dirname(BUILDER_DIST))) r.use(spa('/builder', BUILDER_DIST, 'builder'));
  return r;
}
