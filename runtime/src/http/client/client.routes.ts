/**
 * Serves the browser clients built by vite: the end-user app at /apps (@tessera/renderer's
 * client/dist) and, when built, the builder at /builder (@tessera/builder-ui's dist). The server
 * imports no browser code: it finds the packages and serves their built files. Hashed assets are cached for a year
 * (their name changes with their content); index.html is never cached, so a deploy shows at once.
 * Any other path below the mount is the single-page app's own route: index.html answers it.
 */
import express, { Router, type Request, type Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';

const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
export const CLIENT_DIST = path.join(packageDir('@tessera/renderer'), 'client', 'dist');
export const BUILDER_DIST = path.join(packageDir('@tessera/builder-ui'), 'dist');

const HASHED = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg|jpg|webp)$/;

function notBuilt(res: Response, what: string): void {
  res
    .status(503)
    .type('html')
    .set('Cache-Control', 'no-store')
    .send(
      `<!doctype html><meta charset="utf-8"><title>Tessera: ${what} not built</title>` +
        `<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">` +
        `<h1>The ${what} is not built yet</h1><p>Run <code>npm run build</code> in the Tessera folder, then reload this page.</p></body>`,
    );
}

/** index.html as built, re-read when the file changes (a rebuild is picked up without restart). */
function indexReader(dist: string): () => string | null {
  let cached: { mtimeMs: number; html: string } | undefined;
  return () => {
    const file = path.join(dist, 'index.html');
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return null;
    }
    if (cached?.mtimeMs !== stat.mtimeMs) cached = { mtimeMs: stat.mtimeMs, html: fs.readFileSync(file, 'utf8') };
    return cached.html;
  };
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * For /apps/:appId/…, the app's runtime request (definition + permissions, the first thing the
 * client needs) is preloaded by the browser while the bundles download, instead of after them.
 */
function withRuntimePreload(html: string, urlPath: string): string {
  const appId = urlPath.split('/')[2];
  if (!appId || appId === 'assets') return html;
  const href = `/api/apps/${encodeURIComponent(decodeURIComponentSafe(appId))}/runtime`;
  return html.replace('</head>', `<link rel="preload" as="fetch" crossorigin href="${escapeAttr(href)}">\n</head>`);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** One single-page app mounted at `mount`, served from `dist` (checked per request, so a later build is picked up). */
function spa(mount: string, dist: string, what: string, rewrite?: (html: string, urlPath: string) => string): Router {
  const r = Router();
  const assets = express.static(dist, {
    index: false,
    fallthrough: true,
    setHeaders(res, file) {
      res.setHeader('Cache-Control', HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const readIndex = indexReader(dist);
  const sendIndex = (req: Request, res: Response) => {
    const html = readIndex();
    if (html === null) return notBuilt(res, what);
    res
      .set('Cache-Control', 'no-cache')
      .type('html')
      .send(rewrite ? rewrite(html, req.path) : html);
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
  r.use(spa('/apps', CLIENT_DIST, 'app client', withRuntimePreload));
  // The builder is built by builder-ui's own script; mounted only when its folder exists.
  if (fs.existsSync(path.dirname(BUILDER_DIST))) r.use(spa('/builder', BUILDER_DIST, 'builder'));
  return r;
}
