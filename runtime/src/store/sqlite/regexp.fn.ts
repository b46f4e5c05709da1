import type Database from 'better-sqlite3';

/**
 * `tessera_regexp(pattern, flags, value)`: JavaScript regex test for `$regex`. Patterns were
 * validated (length, syntax) by the filter front end; compiled regexes are cached because the
 * function runs once per candidate row.
 */
const MAX_CACHED = 256;

export function registerRegexp(db: Database.Database): void {
  const cache = new Map<string, RegExp>();
  db.function('tessera_regexp', { deterministic: true, varargs: false }, (pattern: unknown, flags: unknown, value: unknown) => {
    if (typeof value !== 'string' || typeof pattern !== 'string') return 0;
    const key = `${flags}/${pattern}`;
    let re = cache.get(key);
    if (!re) {
      if (cache.size >= MAX_CACHED) cache.clear();
      re = new RegExp(pattern, flags === 'i' ? 'i' : '');
      cache.set(key, re);
    }
    return re.test(value) ? 1 : 0;
  });
}
