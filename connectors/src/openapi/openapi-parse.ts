/**
 * Reads the document's text: JSON when it looks like JSON, else YAML. Bounded, because the text
 * comes from a consultant's upload or a URL: a size cap, and YAML aliases capped so an alias bomb
 * ("billion laughs") is refused instead of expanded.
 */
import { parseDocument } from 'yaml';
import type { ImportIssue } from './openapi.types';

export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;
/** Anchors reused more than this are refused; real documents use a handful. */
const MAX_YAML_ALIASES = 100;

export type ParseResult = { ok: true; value: unknown } | { ok: false; errors: ImportIssue[] };

export function parseSource(text: string): ParseResult {
  // A UTF-16 code unit is at least one byte, so only long texts need the exact count.
  if (text.length > MAX_SOURCE_BYTES / 4 && Buffer.byteLength(text, 'utf8') > MAX_SOURCE_BYTES) {
    return refuse(`the document is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB`);
  }
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed) return refuse('the document is empty');
  return trimmed.startsWith('{') || trimmed.startsWith('[') ? parseJson(trimmed) : parseYaml(trimmed);
}

function parseJson(text: string): ParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return refuse(`invalid JSON: ${(err as Error).message}${lineOf(text, err as Error)}`);
  }
}

/** JSON.parse says "at position N" (Node 20+); a consultant needs a line and column. */
function lineOf(text: string, err: Error): string {
  const match = /position (\d+)/.exec(err.message);
  if (!match || /line \d+/.test(err.message)) return '';
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  return ` (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
}

function parseYaml(text: string): ParseResult {
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    return refuse(`invalid YAML: ${(err as Error).message}`);
  }
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.slice(0, 20).map((e) => {
        const pos = e.linePos?.[0];
        const where = pos ? ` (line ${pos.line}, column ${pos.col})` : '';
        return { pointer: '', message: `invalid YAML${where}: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (err) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount (resource exhaustion).
    return refuse(`invalid YAML: ${(err as Error).message}`);
  }
}

function refuse(message: string): ParseResult {
  return { ok: false, errors: [{ pointer: '', message }] };
}
