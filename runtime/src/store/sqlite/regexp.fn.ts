import type Database from 'better-sqlite3';
import { safeRegexTest } from '@tessera/core/query';

/**
 * `tessera_regexp(pattern, flags, value)`: the `$regex` test, once per candidate row, in RE2's
 * linear-time engine (core's safeRegex, which the in-memory adapter and the browser use too), so
 * no pattern can hold the event loop the way `^(a+)+$` holds a backtracking RegExp. Patterns
 * were validated (length, syntax) by the filter front end; compiled ones are cached there.
 */
export function registerRegexp(db: Database.Database): void {
  db.function('tessera_regexp', { deterministic: true, varargs: false }, (pattern: unknown, flags: unknown, value: unknown) => {
    if (typeof value !== 'string' || typeof pattern !== 'string') return 0;
    return safeRegexTest(pattern, flags === 'i' ? 'i' : '', value) ? 1 : 0;
  });
}
