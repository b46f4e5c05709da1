/**
 * How deep a JSON value may nest (objects and arrays). Recursive code on the way to storage
 * (validation, JSON functions of SQLite, structured clones) fails somewhere near 1,000 levels
 * with an error that says nothing to the user; no record or definition needs a hundred.
 */
export const MAX_JSON_DEPTH = 100;

/**
 * The JSON Pointer of the first value nested deeper than `max` levels, or null. Iterative, so a
 * value nested a million levels deep is measured without recursion.
 */
export function tooDeepAt(value: unknown, max = MAX_JSON_DEPTH): string | null {
  const stack: Array<{ v: unknown; depth: number; path: string }> = [{ v: value, depth: 0, path: '' }];
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return path;
    for (const [k, child] of Object.entries(v)) {
      if (typeof child === 'object' && child !== null)
        stack.push({ v: child, depth: depth + 1, path: `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}` });
    }
  }
  return null;
}
