import type { Router } from 'express';
import type { Platform } from '../../platform/platform';
import { parseFilter } from '../query-params';
import { aggregateRecords } from '../../platform/aggregate/aggregate';
import type { Bucket } from '@tessera/core';
import { badRequest } from '../problem';
import { recordScope } from '../caller';

function once(raw: unknown, name: string): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badRequest(`${name} must be given once`);
  return raw;
}

/** GET …/data/:entity/aggregate?filter=&groupBy=a,b&metrics=[…]&bucket=month → { rows }. */
export function registerAggregateRoute(r: Router, platform: Platform): void {
  r.get('/apps/:appId/data/:entity/aggregate', async (req, res) => {
    const s = await recordScope(platform, req);
    const metricsText = once(req.query.metrics, 'metrics');
    if (!metricsText)
      throw badRequest('metrics is required, like metrics=[{"op":"count","as":"n"}]', [{ pointer: '/metrics', message: 'required' }]);
    let metrics: unknown;
    try {
      metrics = JSON.parse(metricsText);
    } catch (err) {
      throw badRequest(`metrics is not valid JSON: ${(err as Error).message}`, [{ pointer: '/metrics', message: 'invalid JSON' }]);
    }
    if (!Array.isArray(metrics)) throw badRequest('metrics must be a JSON array', [{ pointer: '/metrics', message: 'must be an array' }]);
    const groupBy = (once(req.query.groupBy, 'groupBy') ?? '')
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean);
    const rows = await aggregateRecords(platform.records, s, {
      filter: parseFilter(req.query.filter, s.target.entity, s.policy.hidden),
      groupBy,
      metrics,
      bucket: once(req.query.bucket, 'bucket') as Bucket | undefined,
    });
    res.json({ rows });
  });
}
