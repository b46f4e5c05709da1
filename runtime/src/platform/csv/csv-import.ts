import type { Entity, Field } from '@tessera/core';
import type { Doc } from '@tessera/core/store';
import { UniqueViolationError } from '@tessera/core/store';
import { foldCase } from '@tessera/core/store/shared';
import { getFieldType } from '@tessera/core';
import { DomainError, Forbidden, Invalid, Unavailable } from '../../domain-errors';
import type { Accounts } from '../accounts';
import type { Access } from '../members/access';
import type { WriteGate } from '../publishing/write-gate';
import { prepareCreate } from '../../records/write-checks';
import { existingIds, missingRelations } from '../../records/relation-checks';
import { readableBy, type RecordScope } from '../../records/scope';
import type { Records } from '../../records/records';
import { CoerceError, coerceCell } from './csv-coerce';
import { mapHeader, type HeaderMap } from './csv-header';
import { ImportPaused, ImportStopped, type ImportProgress, type ImportRun, type ImportRunner } from './import-jobs';
import { problemErrors, relationError, valueParam } from './import-errors';
import { createBudget } from '@tessera/core/expressions';
import { countRows, CsvCursor, readRows, type CsvRow as Row } from './csv-parse';

const BATCH = 500;

/** The CSV's header row, read from the cursor (which then stands at the first data row). */
export function readHeader(cursor: CsvCursor): string[] {
  const first = cursor.next();
  if (!first) throw new Invalid('the CSV is empty; the first line must name the columns', [{ pointer: '/header', message: 'missing' }]);
  if (first.error) throw new Invalid(`the CSV header is not valid CSV: ${first.error}`, [{ pointer: '/header', message: first.error }]);
  return first.cells;
}

/** How many data rows follow the header (counted without keeping them, for the progress bar). */
export async function dataRows(text: string): Promise<number> {
  return (await countRows(text)) - 1;
}

/** Checks the header before anything runs: unknown or forbidden columns refuse the whole import (400/403). */
export function checkHeader(header: string[], entity: Entity, s: RecordScope): HeaderMap {
  const map = mapHeader(header, entity, s.policy);
  if (map.issues.length) {
    const forbidden = map.issues.some((i) => i.message.startsWith('your role'));
    const detail = `the CSV header does not match ${entity.id}: ${map.issues.map((i) => i.message).join('; ')}`;
    throw forbidden ? new Forbidden(detail, { issues: map.issues }) : new Invalid(detail, map.issues);
  }
  return map;
}

function rowToBody(row: Row, map: HeaderMap, run: ImportRun): Doc | null {
  if (row.error) {
    run.addError({ line: row.line, code: 'csvSyntax', params: { detail: row.error }, message: `the row is not valid CSV: ${row.error}` });
    return null;
  }
  if (row.cells.length > map.columns.length && row.cells.slice(map.columns.length).some((c) => c.trim() !== '')) {
    const params = { cells: row.cells.length, columns: map.columns.length };
    run.addError({ line: row.line, code: 'cellCount', params, message: `the row has ${params.cells} cells, the header ${params.columns}` });
    return null;
  }
  const body: Doc = {};
  let ok = true;
  map.columns.forEach((field: Field | null, i) => {
    if (!field || row.cells[i] === undefined) return;
    const raw = row.cells[i];
    try {
      // An export escapes cells that a spreadsheet would run as formulas; undo it.
      const value = coerceCell(field, /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw);
      if (value !== undefined) body[field.id] = value;
    } catch (err) {
      if (!(err instanceof CoerceError)) throw err;
      run.addError({ line: row.line, field: field.id, code: err.code, params: { value: raw.trim() }, message: err.message });
      ok = false;
    }
  });
  return ok ? body : null;
}

type Prepared = { line: number; doc: Doc };

/**
 * Runs an import job: every row is checked exactly like a create through the API (role, defaults,
 * record schema, relations, uniqueness); good rows are inserted in transactions of 500, each with
 * their audit entries and the job's progress, so the report never counts a row that is not
 * stored. Bad rows are reported with their CSV line. The cursor stands after the
 * `run.job.processed` rows already handled (a resumed job). A failure ends the job as `failed`
 * with the batches committed so far kept and counted; a shutdown throws ImportPaused after the
 * current batch, leaving the job to be resumed.
 */
export async function runImport(records: Records, run: ImportRun, s: RecordScope, cursor: CsvCursor, map: HeaderMap): Promise<void> {
  const { entity } = s.target;
  const uniqueFields = entity.fields.filter((f) => (f as { unique?: boolean }).unique).map((f) => f.id);
  // Within the file, "Ann@x.com" on one line and "ann@x.com" on another are one value where uniqueness ignores case.
  const ignoringCase = new Set(entity.fields.filter((f) => getFieldType(f.type).uniqueIgnoresCase?.(f)).map((f) => f.id));
  const seenUnique = new Map<string, Map<unknown, number>>(uniqueFields.map((f) => [f, new Map()]));
  const expressions = { budget: createBudget() }; // the defaults of all its rows are one execution's work
  try {
    // One batch of rows is read (and held) at a time.
    for (let from = run.job.processed, slice: Row[]; (slice = await readRows(cursor, BATCH)).length; from += slice.length) {
      const batch: Prepared[] = [];
      for (const row of slice) {
        const body = rowToBody(row, map, run);
        if (!body) continue;
        try {
          batch.push({ line: row.line, doc: await prepareCreate(entity, body, s.policy, s.caller, expressions) });
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          problemErrors(row.line, err).forEach((e) => run.addError(e));
        }
      }
      const good = await dropConflicts(records, s, batch, uniqueFields, seenUnique, run, ignoringCase);
      await insertGood(records, s, good, run, from, slice);
      if (run.stopRequested) throw new ImportPaused('the server is stopping');
      await new Promise((resolve) => setImmediate(resolve)); // let requests in between batches
    }
    await run.finish('done');
  } catch (err) {
    if (err instanceof ImportPaused) throw err;
    if (err instanceof ImportStopped) return void (await run.finish('interrupted')); // someone took it for dead: its report stands
    run.addError({
      line: 0,
      code: 'stopped',
      params: { reason: (err as Error).message },
      message: `the import stopped: ${(err as Error).message}`,
    });
    await run.finish('failed').catch(() => undefined); // the store itself may be what failed: readers will see `interrupted`
  }
}

/** Relations that point nowhere and unique values that exist (in storage or earlier in the file) fail their rows. */
async function dropConflicts(
  records: Records,
  s: RecordScope,
  batch: Prepared[],
  uniqueFields: string[],
  seen: Map<string, Map<unknown, number>>,
  run: ImportRun,
  ignoringCase: ReadonlySet<string>,
): Promise<Prepared[]> {
  const seenKey = (f: string, v: unknown) => (ignoringCase.has(f) && typeof v === 'string' ? foldCase(v) : v);
  const { entity, collection } = s.target;
  const existing = await existingIds(
    records.store,
    s.appId,
    entity,
    batch.map((b) => b.doc),
    readableBy(s),
  );
  const taken = new Map<string, Set<unknown>>();
  for (const f of uniqueFields) {
    const values = batch.map((b) => b.doc[f]).filter((v) => v !== undefined && v !== null) as Array<string | number>;
    const found = values.length ? await collection.find({ filter: { [f]: { $in: values } }, limit: 1000 }) : { items: [] };
    taken.set(f, new Set(found.items.map((d) => d[f])));
  }
  return batch.filter(({ line, doc }) => {
    let ok = true;
    for (const issue of missingRelations(entity, doc, existing)) {
      run.addError(relationError(line, entity, doc, issue));
      ok = false;
    }
    for (const f of uniqueFields) {
      const v = doc[f];
      if (v === undefined || v === null) continue;
      const earlier = seen.get(f)!.get(seenKey(f, v));
      if (taken.get(f)!.has(v))
        run.addError({
          line,
          field: f,
          code: 'unique',
          params: { value: valueParam(v) },
          message: `another ${entity.id} already has ${f} ${JSON.stringify(v)}`,
        });
      else if (earlier !== undefined)
        run.addError({
          line,
          field: f,
          code: 'duplicateInFile',
          params: { value: valueParam(v), line: earlier },
          message: `${JSON.stringify(v)} appears on an earlier line (${earlier})`,
        });
      else continue;
      ok = false;
    }
    if (ok) for (const f of uniqueFields) if (doc[f] !== undefined && doc[f] !== null) seen.get(f)!.set(seenKey(f, doc[f]), line);
    return ok;
  });
}

/**
 * One transaction per batch (rows `from`… of the file), carrying the job's progress. If it still
 * hits a unique index (a compound one, or a concurrent write), row by row, each row's transaction
 * moving the progress up to that row.
 */
async function insertGood(records: Records, s: RecordScope, good: Prepared[], run: ImportRun, from: number, slice: Row[]): Promise<void> {
  const done: ImportProgress = {
    processed: from + slice.length,
    lastLine: slice[slice.length - 1].line,
    created: run.job.created + good.length,
  };
  if (!good.length) return run.save(done);
  try {
    await records.insertBatch(
      s,
      good.map((g) => g.doc),
      (tx) => run.commit(tx, done),
    );
    return run.apply(done);
  } catch (err) {
    if (!(err instanceof UniqueViolationError)) throw err;
  }
  for (const { line, doc } of good) {
    const one = { processed: from + slice.findIndex((r) => r.line === line) + 1, lastLine: line, created: run.job.created + 1 };
    try {
      await records.insertBatch(s, [doc], (tx) => run.commit(tx, one));
      run.apply(one);
    } catch (err) {
      if (!(err instanceof UniqueViolationError)) throw err;
      run.addError({
        line,
        field: err.fields[0],
        code: 'unique',
        params: { value: valueParam(doc[err.fields[0]]) },
        message: `another ${s.target.entity.id} already has this ${err.fields.join(' + ')}`,
      });
    }
  }
  await run.save({ ...done, created: run.job.created });
}

/** Moves the cursor past the first `n` data rows (those a resumed import has handled). */
async function skipRows(cursor: CsvCursor, n: number): Promise<void> {
  for (let got = 1; n > 0 && got > 0; n -= got) got = (await readRows(cursor, Math.min(n, 10_000))).length;
}

export interface ImportRunnerDeps {
  records: Records;
  accounts: Accounts;
  access: Access;
  writes: WriteGate;
}

/**
 * How a job of the `csv-import` queue runs, in the process that took the file or in any other
 * that resumes it: the caller is the user who started it, with the role they have now (taken
 * away meanwhile, the import stops with that error); the header is checked again against the
 * published definition; the rows already handled are skipped; the rest runs like a new import.
 */
export function importRunner(deps: ImportRunnerDeps): ImportRunner {
  return async (run, csv, held) => {
    let leave = held;
    try {
      // A resumed import takes its own place at the write gate (a publish moving this entity waits for it).
      leave ??= (await deps.writes.enter(run.job.appId, run.job.entity)).leave;
      const user = await deps.accounts.getUser(run.job.userId);
      if (user.disabled) throw new Forbidden(`the account of ${user.email}, who started this import, is disabled`);
      const caller = await deps.access.caller(run.job.appId, { user, via: 'session' });
      const s = await deps.records.scope(run.job.appId, run.job.entity, caller);
      if (!s.policy.create) throw new Forbidden(`your role may no longer create ${s.target.entity.id} records`);
      const cursor = new CsvCursor(csv);
      const map = checkHeader(readHeader(cursor), s.target.entity, s);
      await skipRows(cursor, run.job.processed);
      await runImport(deps.records, run, s, cursor, map);
    } catch (err) {
      // Busy (a publish is moving the data): tried again later. Anything else the user must act on.
      if (!(err instanceof DomainError) || err instanceof Unavailable) throw err;
      run.addError({ line: 0, code: 'stopped', params: { reason: err.message }, message: `the import stopped: ${err.message}` });
      await run.finish('failed');
    } finally {
      leave?.();
    }
  };
}
