import type { Scalar } from '@tessera/core/store';
import { isLeaf, type FilterNode, type Leaf, type SearchNode } from '@tessera/core/query';
import { foldCase, type SanitizedSpec } from '@tessera/core/store/shared';
import { ELEMENT, fieldAccessor, foldedSql, jsonPath, valueSql, type Accessor } from './sql.fields';
import { searchSqlOf, type Probe } from './search-index.sqlite';

/**
 * Compiles the filter AST to a WHERE expression with `?` parameters (values are never spliced).
 *
 * Truth convention: an expression is true when it yields 1; 0 and NULL both mean false (SQL
 * AND/OR preserve that reading). Only NOT needs care, so it is always `NOT COALESCE(x, 0)`,
 * which is also what makes `$ne`/`$nin` match missing fields, as in MongoDB.
 * Positive top-level leaves stay plain `expr op ?` so the expression indexes apply.
 */
export interface CompiledSql {
  sql: string;
  params: unknown[];
}

export function compileFilter(node: FilterNode, spec: SanitizedSpec, probe?: Probe): CompiledSql {
  const params: unknown[] = [];
  return { sql: compile(node, spec, params, probe), params };
}

function compile(node: FilterNode, spec: SanitizedSpec, params: unknown[], probe?: Probe): string {
  switch (node.op) {
    case 'and': {
      if (node.args.length === 0) return '1';
      // A selective search drives the query: its few rows are looked up by rowid. Its sibling
      // conditions are then written `+expr` so the planner (which, without statistics, takes an
      // equality such as the owner row scope for a few rows) does not scan their index instead.
      const search = node.args.find((a) => a.op === 'search');
      if (!search || !probe) return node.args.map((a) => `(${compile(a, spec, params, probe)})`).join(' AND ');
      const { sql, selective } = searchSqlOf(search as SearchNode, spec, params, probe);
      const rest = node.args
        .filter((a) => a !== search)
        .map(
          (a) =>
            `(${selective && isLeaf(a) ? compileLeaf(a, spec.arrayFields.has(a.field), params, true) : compile(a, spec, params, probe)})`,
        );
      return [`(${sql})`, ...rest].join(' AND ');
    }
    case 'or':
      return node.args.length === 0 ? '0' : node.args.map((a) => `(${compile(a, spec, params, probe)})`).join(' OR ');
    case 'not':
      return negate(compile(node.arg, spec, params, probe));
    case 'search':
      return searchSqlOf(node, spec, params, probe).sql;
    default: {
      const narrow = foldedIndexed(spec, node.field) ? foldedNarrowing(node, params) : null;
      const leaf = compileLeaf(node, spec.arrayFields.has(node.field), params);
      return narrow ? `${narrow} AND (${leaf})` : leaf;
    }
  }
}

/** A field whose only index is case-insensitive (a unique email): equality filters reach it through the folded value. */
const foldedIndexed = (spec: SanitizedSpec, field: string) => spec.indexes.some((ix) => ix.ignoreCase && ix.fields[0] === field);

/**
 * `email = 'Ann@x.com'` implies `fold(email) = 'ann@x.com'`: written first, it lets the planner
 * use the case-insensitive unique index; the exact comparison after it decides. Only for
 * strings (other values cannot be folded, and the index holds none of them).
 */
function foldedNarrowing(leaf: Leaf, params: unknown[]): string | null {
  const values = leaf.op === 'eq' ? [leaf.value] : leaf.op === 'in' ? leaf.values : null;
  if (!values?.length || !values.every((v): v is string => typeof v === 'string')) return null;
  params.push(...values.map(foldCase));
  const folded = foldedSql(valueSql(leaf.field));
  return values.length === 1 ? `${folded} = ?` : `${folded} IN (${values.map(() => '?').join(', ')})`;
}

const negate = (sql: string) => `NOT COALESCE((${sql}), 0)`;

function compileLeaf(leaf: Leaf, isArray: boolean, params: unknown[], noIndex = false): string {
  if (leaf.op === 'exists') {
    const acc = fieldAccessor(leaf.field);
    if (!acc.jsonType) return leaf.value ? '1' : '0'; // system columns always exist
    return `${acc.jsonType} IS ${leaf.value ? 'NOT ' : ''}NULL`;
  }
  if (leaf.op === 'ne') return negate(compileLeaf({ ...leaf, op: 'eq' }, isArray, params, noIndex));
  if (leaf.op === 'nin') return negate(compileLeaf({ ...leaf, op: 'in' }, isArray, params, noIndex));
  if (!isArray) {
    const acc = fieldAccessor(leaf.field);
    return positive(leaf, noIndex ? { ...acc, value: `+${acc.value}` } : acc, params); // unary + changes no value, only hides the index
  }
  // Array fields: the condition holds when any element satisfies it (MongoDB semantics).
  // json_each of a scalar yields that scalar, so stray non-array values behave like MongoDB too.
  const any = `EXISTS (SELECT 1 FROM json_each("doc", ${jsonPath(leaf.field)}) AS e WHERE ${positive(leaf, ELEMENT, params)})`;
  if (matchesNull(leaf)) return `(${fieldAccessor(leaf.field).value} IS NULL OR ${any})`;
  return any;
}

function matchesNull(leaf: Leaf): boolean {
  if (leaf.op === 'in') return leaf.values.includes(null);
  return (leaf.op === 'eq' || leaf.op === 'gte' || leaf.op === 'lte') && leaf.value === null;
}

/** JSON types a comparison with `v` may match (MongoDB compares within one type bracket). */
function typesOf(v: Exclude<Scalar, null>): string[] {
  if (typeof v === 'string') return ['text'];
  if (typeof v === 'number') return ['integer', 'real'];
  return ['true', 'false'];
}

function guard(acc: Accessor, types: string[]): string | null {
  if (acc.jsonType)
    return types.length === 1 ? `${acc.jsonType} = '${types[0]}'` : `${acc.jsonType} IN (${types.map((t) => `'${t}'`).join(', ')})`;
  if (acc.columnType === 'text') return types.includes('text') ? null : '0';
  return types.includes('integer') ? null : '0';
}

const bind = (v: Exclude<Scalar, null>) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
const and = (...parts: Array<string | null>) => parts.filter((p) => p !== null).join(' AND ');

function isNull(acc: Accessor): string {
  if (acc.columnType) return '0';
  return acc.nullMeansMissing ? `${acc.value} IS NULL` : `${acc.jsonType} = 'null'`;
}

function eq(acc: Accessor, v: Scalar, params: unknown[]): string {
  if (v === null) return isNull(acc);
  // A system column never equals a value of another type (without this, the INTEGER column's
  // affinity made `version = '1'` true).
  if (acc.columnType && guard(acc, typesOf(v)) === '0') return '0';
  params.push(bind(v));
  if (typeof v === 'string') return `${acc.value} = ?`;
  // json_extract turns true/false into 1/0: only then can a number and a boolean collide.
  if (typeof v === 'number') return v === 0 || v === 1 ? and(`${acc.value} = ?`, guard(acc, typesOf(v))) : `${acc.value} = ?`;
  return and(`${acc.value} = ?`, guard(acc, [v ? 'true' : 'false']));
}

const SQL_OP = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function positive(leaf: Leaf, acc: Accessor, params: unknown[]): string {
  switch (leaf.op) {
    case 'eq':
      return eq(acc, leaf.value, params);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const v = leaf.value;
      if (v === null) return leaf.op === 'gte' || leaf.op === 'lte' ? isNull(acc) : '0';
      params.push(bind(v));
      return and(`${acc.value} ${SQL_OP[leaf.op]} ?`, guard(acc, typesOf(v)));
    }
    case 'in': {
      if (leaf.values.length === 0) return '0';
      const strings = acc.columnType === 'integer' ? [] : leaf.values.filter((v): v is string => typeof v === 'string');
      const others = leaf.values.filter((v) => typeof v !== 'string');
      const parts: string[] = [];
      if (strings.length > 0) {
        params.push(...strings);
        parts.push(strings.length === 1 ? `${acc.value} = ?` : `${acc.value} IN (${strings.map(() => '?').join(', ')})`);
      }
      for (const v of others) parts.push(eq(acc, v, params));
      if (parts.length === 0) return '0'; // only strings, on the INTEGER column
      return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' OR ');
    }
    case 'regex':
      params.push(leaf.pattern, leaf.flags);
      return and(guard(acc, ['text']), `tessera_regexp(?, ?, ${acc.value})`);
    default:
      throw new Error(`unreachable: ${leaf.op}`);
  }
}
