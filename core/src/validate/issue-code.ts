/**
 * Which rule a record-validation message states, as a stable code plus its parameters, so a
 * client can say it in the user's language (the renderer's `validation.<code>` texts) while the
 * API keeps the English sentence. The sentences are the ones `ajv-errors.format.ts` writes for
 * field values; anything else is `other` (show the message as it is).
 */
export interface IssueCode {
  code: string;
  params: Record<string, string | number>;
}

type Rule = [RegExp, string, (m: RegExpExecArray) => Record<string, string | number>];
const none = () => ({});

const RULES: Rule[] = [
  [/^must match format "email"$/, 'email', none],
  [/^must match format "(uri|url)"$|^must match the pattern \^https\?:\/\/$/, 'url', none],
  [/^must match format "date"$/, 'date', none],
  [/^must match format "date-time"$/, 'datetime', none],
  [/^must match the pattern (.*)$/, 'pattern', (m) => ({ pattern: m[1] })],
  [/^must NOT have more than (\d+) characters$/, 'maxLength', (m) => ({ n: Number(m[1]) })],
  [/^must NOT have fewer than (\d+) characters$/, 'minLength', (m) => ({ n: Number(m[1]) })],
  [/^must be <= (-?[\d.]+)$/, 'max', (m) => ({ n: Number(m[1]) })],
  [/^must be >= (-?[\d.]+)$/, 'min', (m) => ({ n: Number(m[1]) })],
  [/^must be (number|integer)( or null)?$/, 'number', none],
  [/^must be one of (.*)$/, 'option', (m) => ({ allowed: m[1] })],
  [/^must NOT have more than (\d+) items$/, 'maxItems', (m) => ({ n: Number(m[1]) })],
  [/^must NOT have duplicate items/, 'duplicates', none],
  [/^read-only field$/, 'readonly', none],
];

export function issueCode(message: string): IssueCode {
  for (const [re, code, params] of RULES) {
    const m = re.exec(message);
    if (m) return { code, params: params(m) };
  }
  return { code: 'other', params: {} };
}
