import type { Router } from 'express';
import type { Platform } from '../../platform/platform';
import { listAudit } from '../../platform/audit/audit-log';
import { parseLimit } from '../query-params';
import { badRequest } from '../problem';
import { param } from '../params';
import { recordScope } from '../caller';

/**
 * GET …/data/:entity/:id/audit: who changed what, newest first. Only for a record the caller may
 * read (404 otherwise, like the record itself); a deleted record's trail stays readable for
 * platform admins and builders.
 */
export function registerAuditRoute(r: Router, platform: Platform): void {
  r.get('/apps/:appId/data/:entity/:id/audit', async (req, res) => {
    const s = await recordScope(platform, req);
    const id = param(req, 'id');
    if (!s.caller.bypass) await platform.records.get(s, id);
    const cursor = req.query.cursor;
    if (cursor !== undefined && typeof cursor !== 'string') throw badRequest('cursor must be given once');
    res.json(
      await listAudit(platform.store, {
        appId: s.appId,
        entity: s.target.entity.id,
        recordId: id,
        limit: parseLimit(req.query.limit),
        cursor: cursor || undefined,
        hidden: s.policy.hidden,
      }),
    );
  });
}
