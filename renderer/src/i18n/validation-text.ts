/**
 * One sentence in the user's language for a field problem, from its code and parameters (the
 * server's CSV import report, or `issueCode` of a validator message in the form). A code without
 * a text here falls back to the English message the API sent.
 */
import type { TFunction } from 'i18next';

export interface CodedIssue {
  code?: string;
  params?: Record<string, unknown>;
  message: string;
}

/** Codes whose text the form already had under another key: one text per problem, wherever it shows. */
const SHARED_KEYS: Record<string, string> = {
  required: 'form.required',
  unique: 'form.unique',
  json: 'form.invalidJson',
  readonly: 'form.readonly',
};

export function validationText(issue: CodedIssue, t: TFunction): string {
  if (!issue.code || issue.code === 'other') return issue.message;
  const key = SHARED_KEYS[issue.code] ?? `validation.${issue.code}`;
  return t(key, { ...issue.params, defaultValue: issue.message });
}
