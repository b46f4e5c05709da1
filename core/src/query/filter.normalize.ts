import type { Filter, Scalar } from '../store/store.port';
import { InvalidQueryError } from '../store/store.errors';
import { searchTerms } from '../search/quick-search';
import type { CompareOp, FilterNode, Leaf, SearchNode } from './filter.ast';
import { MATCH_ALL } from './filter.ast';
import { checkFieldPath, ptr, type PathRules } from './field-path';
import { LIMITS } from './query.limits';
import { safeRegex } from '../common/safe-regex';

/** Validates a user filter and turns it into the AST. Anything not explicitly allowed is refused. */
export function normalizeFilter(filter: Filter | undefined | null, rules: PathRules = {}): FilterNode {
  if (filter === undefined || filter === null) return MATCH_ALL;
  const state = { conditions: 0, rules };
  // Pointers into the request, like sort's (`/sort/0`) and the cursor's: `/filter/name/$regex`.
  return normalizeObject(filter, '/filter', 1, state);
}

interface State {
  conditions: number;
  rules: PathRules;
}

const COMPARE: Record<string, CompareOp> = { $eq: 'eq', $ne: 'ne', $gt: 'gt', $gte: 'gte', $lt: 'lt', $lte: 'lte' };

/** Checked by tag, not prototype identity: objects made by structuredClone or another realm (vm, jest) are plain too. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null;
  return proto === null || (Object.prototype.toString.call(v) === '[object Object]' && proto.constructor?.name === 'Object');
}

function checkDepth(depth: number, where: string): void {
  if (depth > LIMITS.maxDepth) throw new InvalidQueryError(`filter nested deeper than ${LIMITS.maxDepth}`, where);
}

function count(state: State, where: string): void {
  if (++state.conditions > LIMITS.maxConditions) {
    throw new InvalidQueryError(`filter has more than ${LIMITS.maxConditions} conditions`, where);
  }
}

function normalizeObject(filter: unknown, where: string, depth: number, state: State): FilterNode {
  checkDepth(depth, where);
  if (!isPlainObject(filter)) throw new InvalidQueryError('a filter must be an object', where);
  const args: FilterNode[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue; // `{ f: undefined }` is how JS callers say "no condition"
    const at = ptr(where, key);
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) {
        throw new InvalidQueryError(`${key} needs a non-empty array of filters`, at);
      }
      const sub = value.map((f, i) => normalizeObject(f, ptr(at, i), depth + 1, state));
      args.push({ op: key === '$and' ? 'and' : 'or', args: sub });
    } else if (key === '$search') {
      count(state, at);
      args.push(normalizeSearch(value, at));
    } else if (key.startsWith('$')) {
      throw new InvalidQueryError(`operator ${key} is not allowed`, at);
    } else {
      const field = checkFieldPath(key, at, state.rules);
      args.push(normalizeField(field, value, at, depth, state));
    }
  }
  return args.length === 1 ? args[0] : { op: 'and', args };
}

/** `$search: "words"` or `{ text: "words", fields: [...] }` (fields narrow the collection's search index). */
function normalizeSearch(value: unknown, at: string): SearchNode {
  const { text, fields } =
    typeof value === 'string' ? { text: value, fields: undefined } : isPlainObject(value) ? value : { text: undefined, fields: undefined };
  if (typeof text !== 'string') throw new InvalidQueryError('$search needs a string (or { text, fields })', at);
  if (text.length > LIMITS.maxSearchLength) throw new InvalidQueryError(`$search longer than ${LIMITS.maxSearchLength} characters`, at);
  if (fields !== undefined && (!Array.isArray(fields) || fields.length === 0 || fields.some((f) => typeof f !== 'string'))) {
    throw new InvalidQueryError('$search fields must be a non-empty array of field names', ptr(at, 'fields'));
  }
  const terms = searchTerms(text);
  if (terms.length === 0) throw new InvalidQueryError('$search needs at least one word (letters or digits)', at);
  return { op: 'search', terms, fields: fields ? [...(fields as string[])] : null };
}

function checkScalar(v: unknown, where: string, what: string): Scalar {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) {
    // Past 2^53 a number is not the integer that was sent (1152921504606847200 arrives as …6976),
    // and the stores compare such values differently: refused rather than answered wrongly.
    if (Number.isInteger(v) && !Number.isSafeInteger(v))
      throw new InvalidQueryError(`${v} is beyond ±${Number.MAX_SAFE_INTEGER} and cannot be compared exactly; compare it as text`, where);
    return v;
  }
  throw new InvalidQueryError(`${what} needs a string, finite number, boolean or null`, where);
}

/** `depth` counts logical nesting: the top object is 1, each $and/$or element and each $not adds 1. */
function normalizeField(field: string, value: unknown, where: string, depth: number, state: State): FilterNode {
  if (!isPlainObject(value)) {
    count(state, where);
    return { op: 'eq', field, value: checkScalar(value, where, `"${field}"`) };
  }
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  if (keys.length === 0) throw new InvalidQueryError(`empty operator object for "${field}"`, where);
  const args: FilterNode[] = [];
  for (const op of keys) {
    const v = value[op];
    const at = ptr(where, op);
    if (!op.startsWith('$')) {
      throw new InvalidQueryError(`"${field}": object values are not allowed; use the dotted path "${field}.${op}"`, at);
    }
    if (op === '$options') {
      if (!('$regex' in value)) throw new InvalidQueryError('$options is only allowed with $regex', at);
      continue;
    }
    if (op === '$not') {
      if (!isPlainObject(v)) throw new InvalidQueryError('$not needs an operator object', at);
      checkDepth(depth + 1, at);
      args.push({ op: 'not', field, arg: normalizeField(field, v, at, depth + 1, state) });
      continue;
    }
    count(state, at);
    args.push(normalizeLeaf(field, op, v, value.$options, at));
  }
  return args.length === 1 ? args[0] : { op: 'and', args };
}

function normalizeLeaf(field: string, op: string, v: unknown, options: unknown, at: string): Leaf {
  const cmp = COMPARE[op];
  if (cmp) return { op: cmp, field, value: checkScalar(v, at, op) };
  switch (op) {
    case '$in':
    case '$nin': {
      if (!Array.isArray(v)) throw new InvalidQueryError(`${op} needs an array`, at);
      if (v.length > LIMITS.maxInValues) throw new InvalidQueryError(`${op} has more than ${LIMITS.maxInValues} values`, at);
      return { op: op === '$in' ? 'in' : 'nin', field, values: v.map((x, i) => checkScalar(x, ptr(at, i), op)) };
    }
    case '$exists':
      if (typeof v !== 'boolean') throw new InvalidQueryError('$exists needs true or false', at);
      return { op: 'exists', field, value: v };
    case '$regex':
      return { op: 'regex', field, ...checkRegex(v, options, at) };
    default:
      throw new InvalidQueryError(`operator ${op} is not allowed`, at);
  }
}

function checkRegex(pattern: unknown, options: unknown, at: string): { pattern: string; flags: '' | 'i' } {
  if (typeof pattern !== 'string') throw new InvalidQueryError('$regex needs a string', at);
  if (pattern.length > LIMITS.maxRegexLength) {
    throw new InvalidQueryError(`$regex longer than ${LIMITS.maxRegexLength} characters`, at);
  }
  if (options !== undefined && options !== '' && options !== 'i') {
    throw new InvalidQueryError('$options supports only "i"', at.replace(/\/\$regex$/, '/$options'));
  }
  const flags = options === 'i' ? 'i' : '';
  try {
    safeRegex(pattern, flags);
  } catch (e) {
    throw new InvalidQueryError(`invalid $regex: ${(e as Error).message}`, at);
  }
  return { pattern, flags };
}
