/** Validator issues and server problems -> one message per field (the first one wins). */
import type { ValidationIssue } from '@tessera/core';

const MISSING = /^missing required property "([^"]+)"/;

export function issuesByField(issues: ValidationIssue[], requiredText: string): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const missing = MISSING.exec(issue.message);
    const field = missing && !issue.pointer ? missing[1] : issue.pointer.split('/')[1];
    if (!field) other.push(issue.message);
    else fields[field] ??= missing ? requiredText : issue.message;
  }
  return { fields, other };
}

const isBlank = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * What is sent. Create: every filled input (blank ones are left out, so required fields say
 * "required"). Update: only what changed, a cleared input as null (the API's "clear this field").
 */
export function buildPayload(
  mode: 'create' | 'edit',
  fields: string[],
  values: Record<string, unknown>,
  original: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = typeof values[f] === 'string' ? ((values[f] as string).trim() === '' ? '' : values[f]) : values[f];
    if (mode === 'create') {
      if (!isBlank(v)) out[f] = v;
    } else if (JSON.stringify(v ?? null) !== JSON.stringify(original[f] ?? null) && !(isBlank(v) && isBlank(original[f]))) {
      out[f] = isBlank(v) ? null : v;
    }
  }
  return out;
}
