/**
 * The record validator speaks JSON Schema ("must match format "email""); users get a sentence
 * in their language. Unrecognised messages pass through unchanged. The rule table is the shared
 * `issueCode` (the server's CSV import report uses it too) and the texts are `validationText`'s.
 */
import type { TFunction } from 'i18next';
import { issueCode } from '@tessera/core';
import { validationText } from '@tessera/renderer/kit';

export function friendlyMessage(message: string, t: TFunction): string {
  return validationText({ ...issueCode(message), message }, t);
}
