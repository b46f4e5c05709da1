import Papa from 'papaparse';
import type { Entity, Field } from '@tessera/schemas';
import type { Doc } from '../../store/store.port';
import { UniqueViolationError } from '../../store/store.errors';
import { badRequest, Problem } from '../../http/problem';
import type { Records, RecordScope } from '../records';
import { existingIds, missingRelations, prepareCreate } from '../record-input';
import { CoerceError, coerceCell } from './csv-coerce';
import { mapHeader, type HeaderMap } from './csv-header';
import type { ImportJob, ImportJobs } from './import-jobs';

const BATCH = 500;

interface Row {
  line: number;
  cells: string[];
  /** What papaparse could not make sense of (an unclosed quote…). */
  error?: string;
}

/** Splits the CSV into rows, each with the line number it starts on (quoted cells may span lines). */
export function parseCsv(text: string): { header: string[]; rows: Row[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: Row[] = [];
  let cursor = 0;
  let line = 1;
  const advance = (to: number) => {
    for (let i = cursor; i < to; i++) if (body.charCodeAt(i) === 10) line++;
    cursor = to;
  };
  Papa.parse<string[]>(body, {
    skipEmptyLines: 'greedy',
    step: (r) => {
      // Skip the blank lines papaparse skipped, so `line` is where this row's text starts.
      for (;;) {
        const nl = body.indexOf('\n', cursor);
        if (nl < 0 || body.slice(cursor, nl).trim() !== '') break;
        advance(nl + 1);
      }
      const start = line;
      rows.push({ line: start, cells: r.data, ...(r.errors.length ? { error: r.errors.map((e) => e.message).join('; ') } : {}) });
      advance(r.meta.cursor);
    },
  });
  const first = rows.shift();
  if (!first) throw badRequest('the CSV is empty; the first line must name the columns', [{ pointer: '/header', message: 'missing' }]);
  return { header: first.cells, rows };
}

/** Checks the header before anything runs: unknown or forbidden columns refuse the whole import (400/403). */
export function checkHeader(header: string[], entity: Entity, s: RecordScope): HeaderMap {
  const map = mapHeader(header, entity, s.policy);
  if (map.issues.length) {
    const forbidden = map.issues.some((i) => i.message.startsWith('your role'));
    const detail = `the CSV header does not match ${entity.id}: ${map.issues.map((i) => i.message).join('; ')}`;
    throw forbidden ? new Problem(403, 'Forbidden', detail, { errors: map.issues }) : badRequest(detail, map.issues);
  }
  return map;
}

function rowToBody(row: Row, map: HeaderMap, job: ImportJob, jobs: ImportJobs): Doc | null {
  if (row.error) {
    jobs.addError(job, { line: row.line, message: `the row is not valid CSV: ${row.error}` });
    return null;
  }
  if (row.cells.length > map.columns.length && row.cells.slice(map.columns.length).some((c) => c.trim() !== '')) {
    jobs.addError(job, { line: row.line, message: `the row has ${row.cells.length} cells, the header ${map.columns.length}` });
    return null;
  }
  const body: Doc = {};
  let ok = true;
  map.columns.forEach((field: Field | null, i) => {
    if (!field || row.cells[i] === undefined) return;
    try {
      const raw = row.cells[i];
      // An export escapes cells that a spreadsheet would run as formulas; undo it.
      const value = coerceCell(field, /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw);
      if (value !== undefined) body[field.id] = value;
    } catch (err) {
      if (!(err instanceof CoerceError)) throw err;
      jobs.addError(job, { line: row.line, field: field.id, message: err.message });
      ok = false;
    }
  });
  return ok ? body : null;
}

function reportProblem(job: ImportJob, jobs: ImportJobs, line: number, err: Problem): void {
  const issues = err.extra.errors ?? [];
  if (!issues.length) jobs.addError(job, { line, message: err.detail ?? err.title });
  for (const i of issues) {
    // A missing required field is reported at the record (pointer ""); the CSV user wants the column.
    const field = i.pointer ? i.pointer.split('/')[1] : /missing required property "(\w+)"/.exec(i.message)?.[1];
    jobs.addError(job, { line, ...(field ? { field } : {}), message: i.message });
  }
}

/**
 * Runs an import job: every row is checked exactly like a create through the API (role, defaults,
 * record schema, relations, uniqueness); good rows are inserted in transactions of 500 (with their
 * audit entries), bad rows are reported with their CSV line. Never throws: a failure ends the job
 * as `failed`, with the batches committed so far kept and counted.
 */
export async function runImport(records: Records, jobs: ImportJobs, job: ImportJob, s: RecordScope, rows: Row[], map: HeaderMap): Promise<void> {
  const { entity } = s.target;
  const uniqueFields = entity.fields.filter((f) => (f as { unique?: boolean }).unique).map((f) => f.id);
  const seenUnique = new Map<string, Set<unknown>>(uniqueFields.map((f) => [f, new Set()]));
  try {
    for (let from = 0; from < rows.length; from += BATCH) {
      const batch: Array<{ line: number; doc: Doc }> = [];
      for (const row of rows.slice(from, from + BATCH)) {
        const body = rowToBody(row, map, job, jobs);
        if (!body) continue;
        try {
          batch.push({ line: row.line, doc: await prepareCreate(entity, body, s.policy, s.caller) });
        } catch (err) {
          if (!(err instanceof Problem)) throw err;
          reportProblem(job, jobs, row.line, err);
        }
      }
      const good = await dropConflicts(records, s, batch, uniqueFields, seenUnique, job, jobs);
      job.created += await insertGood(records, s, good, job, jobs);
      job.processed = Math.min(rows.length, from + BATCH);
      job.failed = job.processed - job.created;
      await new Promise((resolve) => setImmediate(resolve)); // let requests in between batches
    }
    jobs.finish(job, 'done');
  } catch (err) {
    jobs.addError(job, { line: 0, message: `the import stopped: ${(err as Error).message}` });
    job.failed = job.total - job.created;
    jobs.finish(job, 'failed');
  }
}

/** Relations that point nowhere and unique values that exist (in storage or earlier in the file) fail their rows. */
async function dropConflicts(
  records: Records, s: RecordScope, batch: Array<{ line: number; doc: Doc }>, uniqueFields: string[], seen: Map<string, Set<unknown>>, job: ImportJob, jobs: ImportJobs,
): Promise<Array<{ line: number; doc: Doc }>> {
  const { entity, collection } = s.target;
  const existing = await existingIds(records.store, s.appId, entity, batch.map((b) => b.doc));
  const taken = new Map<string, Set<unknown>>();
  for (const f of uniqueFields) {
    const values = batch.map((b) => b.doc[f]).filter((v) => v !== undefined && v !== null) as Array<string | number>;
    const found = values.length ? await collection.find({ filter: { [f]: { $in: values } }, limit: 1000 }) : { items: [] };
    taken.set(f, new Set(found.items.map((d) => d[f])));
  }
  return batch.filter(({ line, doc }) => {
    const issues = missingRelations(entity, doc, existing);
    for (const f of uniqueFields) {
      const v = doc[f];
      if (v === undefined || v === null) continue;
      if (taken.get(f)!.has(v)) issues.push({ pointer: `/${f}`, message: `another ${entity.id} already has ${f} ${JSON.stringify(v)}` });
      else if (seen.get(f)!.has(v)) issues.push({ pointer: `/${f}`, message: `${JSON.stringify(v)} appears on an earlier line` });
    }
    if (issues.length) {
      for (const i of issues) jobs.addError(job, { line, field: i.pointer.split('/')[1], message: i.message });
      return false;
    }
    for (const f of uniqueFields) if (doc[f] !== undefined && doc[f] !== null) seen.get(f)!.add(doc[f]);
    return true;
  });
}

/** One transaction per batch; if it still hits a unique index (a compound one, or a concurrent write), row by row. */
async function insertGood(records: Records, s: RecordScope, good: Array<{ line: number; doc: Doc }>, job: ImportJob, jobs: ImportJobs): Promise<number> {
  if (!good.length) return 0;
  try {
    return (await records.insertBatch(s, good.map((g) => g.doc))).length;
  } catch (err) {
    if (!(err instanceof UniqueViolationError)) throw err;
  }
  let n = 0;
  for (const { line, doc } of good) {
    try {
      n += (await records.insertBatch(s, [doc])).length;
    } catch (err) {
      if (!(err instanceof UniqueViolationError)) throw err;
      jobs.addError(job, { line, field: err.fields[0], message: `another ${s.target.entity.id} already has this ${err.fields.join(' + ')}` });
    }
  }
  return n;
}
