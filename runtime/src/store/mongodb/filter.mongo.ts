import type { FilterNode, Leaf, SearchNode } from '@tessera/core/query';
import { InvalidQueryError } from '@tessera/core/store';

/**
 * Filter AST -> MongoDB query. Only what the front end validated reaches here, so the query
 * can hold nothing but the allowed operators. Paths map `id` to `_id`; the rest are stored
 * under their own names.
 */
export type MongoQuery = Record<string, unknown>;

export function mongoPath(field: string): string {
  return field === 'id' ? '_id' : field;
}

export function toMongoFilter(node: FilterNode, searchFields: readonly string[] = []): MongoQuery {
  const sub = (n: FilterNode) => toMongoFilter(n, searchFields);
  switch (node.op) {
    case 'and': {
      const parts = node.args.map(sub);
      return merge(parts) ?? { $and: parts };
    }
    case 'or':
      return node.args.length === 0 ? { _id: { $in: [] } } : { $or: node.args.map(sub) };
    case 'not': {
      const ops = fieldOps(node.arg);
      // Field-level $not when it can be written that way; $nor (= NOT of any filter) otherwise.
      return ops ? { [mongoPath(node.field)]: { $not: ops } } : { $nor: [sub(node.arg)] };
    }
    case 'search':
      return searchQuery(node, searchFields);
    default:
      return { [mongoPath(node.field)]: leafOps(node) };
  }
}

/**
 * `$search` without a text index: per term, a case-insensitive regex anchored at a word start on
 * each search field. Same matches as SQLite's FTS5 index for ASCII and most scripts (MongoDB's
 * regexes do not fold diacritics: "zoe" does not find "Zoë" here); it scans, so on big collections
 * combine it with selective filters. See docs/mongodb.md.
 */
function searchQuery(node: SearchNode, searchFields: readonly string[]): MongoQuery {
  const fields = node.fields ?? searchFields;
  if (fields.length === 0) throw new InvalidQueryError('this collection has no search fields', '/$search');
  for (const f of fields) {
    if (!searchFields.includes(f))
      throw new InvalidQueryError(`"${f}" is not one of the search fields (${searchFields.join(', ')})`, '/$search/fields');
  }
  // Terms are letters and digits only (searchTerms), so they need no regex escaping.
  return {
    $and: node.terms.map((t) => ({
      $or: fields.map((f) => ({ [mongoPath(f)]: { $regex: `(?:^|[^\\p{L}\\p{N}])${t}`, $options: 'i' } })),
    })),
  };
}

function leafOps(leaf: Leaf): Record<string, unknown> {
  switch (leaf.op) {
    case 'in':
    case 'nin':
      return { [`$${leaf.op}`]: leaf.values };
    case 'exists':
      return { $exists: leaf.value };
    case 'regex':
      return leaf.flags ? { $regex: leaf.pattern, $options: leaf.flags } : { $regex: leaf.pattern };
    default:
      return { [`$${leaf.op}`]: leaf.value };
  }
}

/** Operator object for one field (a leaf, or an AND of leaves with distinct operators), else null. */
function fieldOps(node: FilterNode): Record<string, unknown> | null {
  if (node.op === 'and') {
    const out: Record<string, unknown> = {};
    for (const a of node.args) {
      const ops = a.op === 'and' || a.op === 'or' || a.op === 'not' || a.op === 'search' ? null : leafOps(a);
      if (!ops || Object.keys(ops).some((k) => k in out)) return null;
      Object.assign(out, ops);
    }
    return out;
  }
  if (node.op === 'or' || node.op === 'not' || node.op === 'search') return null;
  return leafOps(node);
}

/** `{a:…}` AND `{b:…}` -> `{a:…, b:…}` when no key repeats, for readable queries; else null. */
function merge(parts: MongoQuery[]): MongoQuery | null {
  const out: MongoQuery = {};
  for (const p of parts) {
    for (const [k, v] of Object.entries(p)) {
      if (k in out) return null;
      out[k] = v;
    }
  }
  return out;
}
