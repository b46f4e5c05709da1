/**
 * The record validator speaks JSON Schema ("must match format "email""); users get a sentence
 * in their language. Unrecognised messages pass through unchanged.
 */
import type { TFunction } from 'i18next';

const RULES: Array<[RegExp, string, (m: RegExpExecArray) => Record<string, string>]> = [
  [/^must match format "email"$/, 'validation.email', () => ({})],
  [/^must match format "(uri|url)"$|^must match the pattern \^https\?:\/\/$/, 'validation.url', () => ({})],
  [/^must match format "date"$/, 'validation.date', () => ({})],
  [/^must match format "date-time"$/, 'validation.datetime', () => ({})],
  [/^must match the pattern /, 'validation.pattern', () => ({})],
  [/^must NOT have more than (\d+) characters$/, 'validation.maxLength', (m) => ({ n: m[1] })],
  [/^must NOT have fewer than (\d+) characters$/, 'validation.minLength', (m) => ({ n: m[1] })],
  [/^must be <= (-?[\d.]+)$/, 'validation.max', (m) => ({ n: m[1] })],
  [/^must be >= (-?[\d.]+)$/, 'validation.min', (m) => ({ n: m[1] })],
  [/^must be (number|integer)( or null)?$/, 'validation.number', () => ({})],
  [/^must be one of /, 'validation.option', () => ({})],
  [/^must NOT have more than (\d+) items$/, 'validation.maxItems', (m) => ({ n: m[1] })],
  [/^must NOT have duplicate items/, 'validation.duplicates', () => ({})],
];

export function friendlyMessage(message: string, t: TFunction): string {
  for (const [re, key, values] of RULES) {
    const m = re.exec(message);
    if (m) return t(key, values(m));
  }
  return message;
}
