import { Router, type Request } from 'express';
import type { Platform } from '../../platform/platform';
import type { Caller } from '../../platform/policy/policy.types';
import type { Change } from '../../platform/live/change-feed.port';
import { frame, messageFor } from '../../platform/live/live-filter';
import { badRequest, notFound, Problem } from '../problem';
import { param } from '../params';
import { appCaller } from '../caller';

function lastEventId(req: Request): number | undefined {
  const raw = req.headers['last-event-id'] ?? req.query.lastEventId;
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || !Number.isSafeInteger(n) || n < 0) throw badRequest('Last-Event-ID must be an id this server sent');
  return n;
}

function entitiesParam(req: Request): ReadonlySet<string> | null {
  const raw = req.query.entities;
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string') throw badRequest('entities must be given once, like entities=contact,company');
  return new Set(
    raw
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean),
  );
}

/**
 * GET /api/apps/:appId/live: server-sent events of the app's changes, each filtered for this
 * subscriber (read permission, row scope, hidden fields). `Last-Event-ID` replays what was missed,
 * or sends `reset` when that is no longer possible. The caller's membership is re-checked at every
 * heartbeat; a removed member's stream ends.
 */
export function liveRoutes(platform: Platform): Router {
  const r = Router();
  const limits = platform.liveLimits;

  r.get('/apps/:appId/live', async (req, res) => {
    const appId = param(req, 'appId');
    let caller: Caller = await appCaller(platform, req);
    if (!(await platform.apps.getPublished(appId))) throw notFound(`app "${appId}" does not exist or is not published`);
    const entities = entitiesParam(req);
    const since = lastEventId(req);
    const userId = caller.user.id;
    const slot = limits.acquire(userId);
    if (slot === 'process') {
      res.setHeader('Retry-After', '30');
      throw new Problem(503, 'Service unavailable', 'too many live connections on this server; retry later');
    }
    if (slot === 'user')
      throw new Problem(429, 'Too many requests', `at most ${limits.maxPerUser} live connections per user; close some tabs`);

    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    let closed = false;
    let dropped = false;
    let unsubscribe = () => {};
    /** Past its buffer bound the stream stops: `reset` tells the client to reload, then the socket goes. */
    const drop = () => {
      dropped = true;
      unsubscribe();
      res.end(`id: ${platform.feed.lastSeq}\nevent: reset\ndata: {"reason":"slow"}\n\n`);
      setTimeout(() => res.destroy(), limits.dropGraceMs).unref();
    };
    const send = (change: Change) => {
      if (dropped) return;
      const m = messageFor(change, caller, entities);
      if (!m) return;
      res.write(frame(m));
      if (res.writableLength > limits.maxBufferedBytes) drop();
    };
    // Replay and subscribe in one synchronous step: no change can fall between the two.
    if (since !== undefined) {
      const missed = platform.feed.since(appId, since);
      if (missed) missed.forEach(send);
      else res.write(`id: ${platform.feed.lastSeq}\nevent: reset\ndata: {}\n\n`);
    }
    if (!dropped) unsubscribe = platform.feed.subscribe(appId, send);
    const heartbeat = setInterval(() => {
      if (dropped) return;
      res.write(': ping\n\n');
      appCaller(platform, req).then(
        (c) => (caller = c),
        () => res.end(), // no longer a member: the stream ends
      );
    }, limits.heartbeatMs);
    heartbeat.unref();
    const untrack = limits.track(() => res.end());
    res.once('close', () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      untrack();
      limits.release(userId);
    });
  });
  return r;
}
