import { RE2JS, RE2JSSyntaxException } from 're2js';

/**
 * Every regular expression a user writes (a `$regex` filter, a pattern in an expression's
 * `$match`/`$replace`/`$split`/`$contains`) runs in RE2's engine (re2js, pure JavaScript, so the
 * browser preview gives the same answers): its time is linear in the input, so no pattern can
 * stall the server the way `^(a+)+$` stalls a backtracking engine. The price is RE2's syntax:
 * no backreferences (`\1`) and no lookahead or lookbehind; such patterns are refused with a
 * message that says so.
 */
export class UnsafeRegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeRegexError';
  }
}

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };
const MAX_CACHED = 256;
const cache = new Map<string, RE2JS>();

/** Compiles (cached) a JavaScript-syntax pattern for RE2; flags among `i`, `m`, `s` (others are ignored: `g`, `u`, `y` do not change a test). */
export function safeRegex(pattern: string, flags = ''): RE2JS {
  const key = `${flags}/${pattern}`;
  let re = cache.get(key);
  if (re) return re;
  let bits = 0;
  for (const f of flags) bits |= FLAG_BITS[f] ?? 0;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(pattern), bits);
  } catch (err) {
    throw new UnsafeRegexError(explain(pattern, err));
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, re);
  return re;
}

/** Whether `value` contains a match (RegExp.prototype.test without `g`). */
export function safeRegexTest(pattern: string, flags: string, value: string): boolean {
  return safeRegex(pattern, flags).test(value);
}

function explain(pattern: string, err: unknown): string {
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreferences (\\1, \\k<name>) are not supported: patterns run in a linear-time engine';
  if (/\(\?<?[=!]/.test(pattern))
    return 'lookahead and lookbehind ((?=…), (?!…), (?<=…)) are not supported: patterns run in a linear-time engine';
  const detail = err instanceof RE2JSSyntaxException ? err.message.replace(/^error parsing regexp: /, '') : String(err);
  return `invalid pattern: ${detail}`;
}

/**
 * A RegExp look-alike on RE2 for JSONata's `RegexEngine` option: JSONata builds a native RegExp
 * while parsing (compiling is safe, only matching backtracks), then calls `new RegexEngine(re)`
 * and uses `lastIndex` and `exec` as a global regex.
 */
export class SafeRegExp {
  lastIndex = 0;
  private readonly re: RE2JS;

  constructor(source: RegExp | string, flags?: string) {
    const pattern = typeof source === 'string' ? source : source.source;
    this.re = safeRegex(pattern, flags ?? (typeof source === 'string' ? '' : source.flags));
  }

  exec(input: string): RegExpExecArray | null {
    const m = this.re.matcher(input);
    if (this.lastIndex > input.length || !m.find(this.lastIndex)) {
      this.lastIndex = 0;
      return null;
    }
    const groups: Array<string | undefined> = [];
    for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g) ?? undefined);
    const out = Object.assign(groups, { index: m.start(), input }) as unknown as RegExpExecArray;
    this.lastIndex = m.end();
    return out;
  }

  test(input: string): boolean {
    return this.exec(input) !== null;
  }
}
