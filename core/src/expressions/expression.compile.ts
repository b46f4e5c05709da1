import jsonata from 'jsonata';
import { ExpressionError, toExpressionError } from './expression.error';
import { SafeRegExp, safeRegex, UnsafeRegexError } from '../common/safe-regex';

export type JsonataAst = jsonata.ExprNode;

const cache = new Map<string, jsonata.Expression>();
const CACHE_MAX = 2000;

/** Entry hook JSONata calls before every node it evaluates (its own, undocumented-in-types API). */
export const ENTRY_HOOK = Symbol.for('jsonata.__evaluate_entry');
export const EXIT_HOOK = Symbol.for('jsonata.__evaluate_exit');

export interface Hooks {
  entry(expr: unknown, input: unknown, environment: unknown): void;
  exit(expr: unknown, input: unknown, environment: unknown, result: unknown): void;
}

/**
 * Parses once per (source, sequence limit) and keeps the result (bounded, oldest out first): the
 * same definition expressions run for every record. `hooks` are installed on each new compiled
 * expression; they find the evaluation's own state through its environment, so one compiled
 * expression serves concurrent evaluations.
 */
export function compile(source: string, maxLength: number, maxSequence: number, hooks: Hooks): jsonata.Expression {
  if (typeof source !== 'string') throw new ExpressionError('an expression must be a string', 'PARSE', 'parse');
  if (source.length > maxLength) throw new ExpressionError(`expression is longer than ${maxLength} characters`, 'TOO_LONG', 'parse');
  const key = `${maxSequence}\u0000${source}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return hit;
  }
  let compiled: jsonata.Expression;
  try {
    // Every regex the expression matches with runs in RE2 (linear time), `$eval`'d code included.
    compiled = jsonata(source, {
      sequence: maxSequence,
      RegexEngine: SafeRegExp as unknown as RegExpConstructor,
    } as jsonata.JsonataOptions);
    checkRegexes(compiled.ast());
  } catch (err) {
    throw toExpressionError(err, 'parse');
  }
  // `assign` binds in the expression's own frame; JSONata looks hooks up by these symbols.
  const assign = compiled.assign as unknown as (name: symbol, value: unknown) => void;
  assign(ENTRY_HOOK, hooks.entry);
  assign(EXIT_HOOK, hooks.exit);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}

const astCache = new Map<string, JsonataAst | ExpressionError>();

/** The AST of `source`, or the parse error (both cached, bounded). */
export function parse(source: string): JsonataAst | ExpressionError {
  const hit = astCache.get(source);
  if (hit) return hit;
  let out: JsonataAst | ExpressionError;
  try {
    out = jsonata(source).ast();
    checkRegexes(out);
  } catch (err) {
    out = toExpressionError(err, 'parse');
  }
  if (astCache.size >= CACHE_MAX) astCache.delete(astCache.keys().next().value as string);
  astCache.set(source, out);
  return out;
}

/** A regex literal RE2 cannot run (a backreference, a lookahead) is a parse error, so a publish refuses it with its position. */
function checkRegexes(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(checkRegexes);
  if (typeof node !== 'object' || node === null) return;
  const n = node as { type?: string; value?: unknown; position?: number };
  if (n.type === 'regex' && n.value instanceof RegExp) {
    try {
      safeRegex(n.value.source, n.value.flags);
    } catch (err) {
      if (err instanceof UnsafeRegexError) throw new ExpressionError(`regular expression: ${err.message}`, 'REGEX', 'parse', n.position);
      throw err;
    }
    return;
  }
  for (const [key, value] of Object.entries(n)) if (key !== 'value' || typeof value === 'object') checkRegexes(value);
}
