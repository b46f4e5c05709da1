import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

declare module 'express-serve-static-core' {
  interface Request {
    id?: string;
  }
}

/**
 * One log line per request (method, url, status, duration, request id), and an `X-Request-Id`
 * on every response — a sane incoming one is reused so a request can be followed across
 * services. Hand-rolled instead of pino-http because pino-http serializes a child logger for
 * every request even when nothing is logged, which cost ~20% of a small read's throughput.
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    const infoEnabled = log.isLevelEnabled('info');
    if (infoEnabled || log.isLevelEnabled('warn')) {
      const started = performance.now();
      res.once('finish', () => {
        const status = res.statusCode;
        const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
        if (level === 'info' && !infoEnabled) return;
        log[level](
          { reqId: id, method: req.method, url: req.originalUrl, status, ms: Math.round((performance.now() - started) * 10) / 10 },
          'request',
        );
      });
    }
    next();
  };
}
