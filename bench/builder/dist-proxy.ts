/**
 * `BENCH_BUILDER_DIST=<dir>`: serves a builder build from `dir` at /builder and passes every other
 * request to the Tessera under test, so a build made elsewhere (a before/after comparison, a
 * non-minified build for profiling) is measured without replacing builder-ui/dist, which the
 * browser tests running beside the benchmark use.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export interface DistProxy {
  url: string;
  close(): Promise<void>;
}

export function startDistProxy(dist: string, upstream: string): Promise<DistProxy> {
  const root = path.resolve(dist);
  if (!fs.existsSync(path.join(root, 'index.html'))) throw new Error(`BENCH_BUILDER_DIST: ${root}/index.html missing`);
  const target = new URL(upstream);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/builder' || url.pathname.startsWith('/builder/')) {
      const rel = decodeURIComponent(url.pathname.slice('/builder/'.length));
      let file = path.join(root, rel);
      if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        if (rel.startsWith('assets/')) return void res.writeHead(404).end();
        file = path.join(root, 'index.html');
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      return void fs.createReadStream(file).pipe(res);
    }
    const forward = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
