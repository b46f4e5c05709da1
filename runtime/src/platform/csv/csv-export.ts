import Papa from 'papaparse';
import type { Writable } from 'node:stream';
import { computeError, type Field } from '@tessera/core';
import type { Filter, SortKey } from '@tessera/core/store';
import { Invalid, type Issue } from '../../domain-errors';
import type { Records, RecordScope } from '../../records/records';
import { SYSTEM_FIELDS } from '../../records/query-fields';
import { formatCell } from './csv-coerce';

const PAGE = 1000;

/** Export columns: the fields asked for (visible fields and system fields), or `id` plus every visible field. */
export function exportColumns(s: RecordScope, fields: string[] | undefined): string[] {
  const { entity } = s.target;
  const visible = entity.fields.filter((f) => !s.policy.hidden.has(f.id)).map((f) => f.id);
  if (fields === undefined) return ['id', ...visible];
  const allowed = new Set([...SYSTEM_FIELDS, ...visible]);
  const issues: Issue[] = fields.flatMap((f, i) =>
    allowed.has(f) ? [] : [{ pointer: `/fields/${i}`, message: `unknown field "${f}" on ${entity.id}` }],
  );
  if (issues.length) throw new Invalid(issues.map((i) => i.message).join('; '), issues);
  if (!fields.length || fields.length > 500) throw new Invalid('fields must name 1 to 500 fields');
  return fields;
}

/**
 * Cells a spreadsheet would run as a formula are prefixed with ' (CSV injection), whatever made
 * the text (a string, a multi-select or list joined with ;, a money or date format); only numbers
 * stay as they are, so -5 is still a number. The import takes the ' off again.
 */
function safeCell(value: unknown, field?: Field): string {
  const text = formatCell(value, field);
  return typeof value !== 'number' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Waits for the socket to take more (backpressure), or for the client to go away. */
function write(out: Writable, chunk: string): Promise<void> {
  if (out.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * Streams every record the caller may read as CSV (UTF-8 with BOM, CRLF), one page of 1,000 at a
 * time through the cursor, so memory stays flat whatever the size. Stops when the client goes away.
 */
export async function streamCsv(
  records: Records,
  s: RecordScope,
  q: { filter?: Filter; sort?: SortKey[]; columns: string[] },
  out: Writable,
  gone: () => boolean,
): Promise<void> {
  // The first page is read before anything is written, so a refusal (403, bad filter) is still a proper error response.
  let page = await records.list(s, { filter: q.filter, sort: q.sort, limit: PAGE });
  const fields = q.columns.map((c) => s.target.entity.fields.find((f) => f.id === c));
  await write(out, `\ufeff${Papa.unparse([q.columns], { newline: '\r\n' })}\r\n`);
  for (;;) {
    if (page.items.length) {
      // A computed value that failed is marked, not left blank like an empty one.
      const rows = page.items.map((d) =>
        q.columns.map((c, i) => (computeError(d, c) !== undefined ? '#ERROR' : safeCell(d[c], fields[i]))),
      );
      await write(out, `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`);
    }
    if (!page.nextCursor || gone()) return;
    // The same call as the list endpoint: same row scope, hidden fields, computed values.
    page = await records.list(s, { filter: q.filter, sort: q.sort, limit: PAGE, cursor: page.nextCursor });
  }
}
