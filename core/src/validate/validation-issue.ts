/** One problem in a document: where (RFC 6901 JSON pointer, "" = the whole document) and what. */
export interface ValidationIssue {
  pointer: string;
  message: string;
}

export const escapePointerToken = (token: string | number): string => String(token).replace(/~/g, '~0').replace(/\//g, '~1');

/** joinPointer('/entities/0', 'fields', 2) === '/entities/0/fields/2' */
export const joinPointer = (base: string, ...tokens: Array<string | number>): string =>
  base + tokens.map((t) => `/${escapePointerToken(t)}`).join('');

/** Same pointer and message reported twice (ajv reaches some values by two paths) -> once. */
export function dedupeIssues(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.pointer}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One line per issue: `/entities/0/fields/2/type: unknown field type "strng" …` (`/` for the root). */
export function formatIssues(issues: ValidationIssue[]): string {
  return issues.map((i) => `${i.pointer || '/'}: ${i.message}`).join('\n');
}
