import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { RecordScope } from '../../records/scope';
import type { Platform } from '../../platform/platform';
import { parseFields, parseFilter, parseSort } from '../query-params';
import { exportColumns, streamCsv } from '../../platform/csv/csv-export';
import { checkHeader, dataRows, readHeader } from '../../platform/csv/csv-import';
import { CsvCursor } from '../../platform/csv/csv-parse';
import type { ImportJob } from '../../platform/csv/import-jobs';
import { forbidden, notFound, Problem } from '../problem';
import { param } from '../params';
import { appCaller, recordScope } from '../caller';

/** Imports are far larger than API bodies: their own limit, on their own route. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

function jobView(job: ImportJob) {
  const { appId: _a, userId: _u, ...rest } = job;
  return rest;
}

/** CSV export (streamed) and import (a background job with progress). */
export function registerCsvRoutes(r: Router, platform: Platform): void {
  r.get('/apps/:appId/data/:entity/export.csv', async (req, res) => {
    const s = await recordScope(platform, req);
    const { entity } = s.target;
    const q = {
      filter: parseFilter(req.query.filter, entity, s.policy.hidden),
      sort: parseSort(req.query.sort, entity, s.policy.hidden),
      columns: exportColumns(s, parseFields(req.query.fields)),
    };
    let gone = false;
    res.once('close', () => (gone = true));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${entity.id}.csv"`);
    await streamCsv(platform.records, s, q, res, () => gone);
    res.end();
  });

  // Who may import is settled before the (up to 50 MB) body is read.
  const importScope = async (req: Request, res: Response, next: NextFunction) => {
    const s = await recordScope(platform, req);
    if (!s.policy.create) throw forbidden(`your role may not create ${s.target.entity.id} records`);
    res.locals.scope = s;
    next();
  };
  r.post('/apps/:appId/data/:entity/import', importScope, express.text({ type: 'text/csv', limit: MAX_IMPORT_BYTES }), async (req, res) => {
    const s = res.locals.scope as RecordScope;
    if (typeof req.body !== 'string')
      throw new Problem(415, 'Unsupported media type', 'send the CSV as the request body with Content-Type: text/csv');
    const cursor = new CsvCursor(req.body);
    const map = checkHeader(readHeader(cursor), s.target.entity, s);
    // The import keeps its place at the write gate until it has run (a publish moving this
    // entity waits for it): the runner leaves it.
    res.locals.holdWriteGate = true;
    const jobId = await platform.imports
      .start(
        {
          appId: s.appId,
          entity: s.target.entity.id,
          userId: s.caller.user.id,
          total: await dataRows(req.body),
          ignoredColumns: map.ignored,
        },
        req.body,
        res.locals.leaveWriteGate ?? null,
      )
      .catch((err: unknown) => {
        res.locals.leaveWriteGate?.();
        throw err;
      });
    // The job runs after the response (here, or elsewhere if this process stops): the client polls /imports/:jobId.
    res.status(202).location(`${req.baseUrl}/apps/${s.appId}/imports/${jobId}`).json({ jobId });
  });

  r.get('/apps/:appId/imports/:jobId', async (req, res) => {
    const caller = await appCaller(platform, req);
    const job = await platform.imports.get(param(req, 'jobId'));
    // Someone else's job is as unknown as a missing one.
    if (!job || job.appId !== param(req, 'appId') || (job.userId !== caller.user.id && !caller.bypass))
      throw notFound(`no import ${param(req, 'jobId')}`);
    res.json(jobView(job));
  });
}
