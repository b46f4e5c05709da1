import type { FilterNode, Leaf } from '../query/filter.ast';

/**
 * Filter AST -> MongoDB query. Only what the front end validated reaches here, so the query
 * can hold nothing but the allowed operators. Paths map `id` to `_id`; the rest are stored
 * under their own names.
 */
export type MongoQuery = Record<string, unknown>;

export function mongoPath(field: string): string {
  return field === 'id' ? '_id' : field;
}

export function toMongoFilter(node: FilterNode): MongoQuery {
  switch (node.op) {
    case 'and': {
      const parts = node.args.map(toMongoFilter);
      return merge(parts) ?? { $and: parts };
    }
    case 'or':
      return node.args.length === 0 ? { _id: { $in: [] } } : { $or: node.args.map(toMongoFilter) };
    case 'not': {
      const ops = fieldOps(node.arg);
      // Field-level $not when it can be written that way; $nor (= NOT of any filter) otherwise.
      return ops ? { [mongoPath(node.field)]: { $not: ops } } : { $nor: [toMongoFilter(node.arg)] };
    }
    default:
      return { [mongoPath(node.field)]: leafOps(node) };
  }
}

function leafOps(leaf: Leaf): Record<string, unknown> {
  switch (leaf.op) {
    case 'in': case 'nin':
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
      const ops = a.op === 'and' || a.op === 'or' || a.op === 'not' ? null : leafOps(a);
      if (!ops || Object.keys(ops).some((k) => k in out)) return null;
      Object.assign(out, ops);
    }
    return out;
  }
  if (node.op === 'or' || node.op === 'not') return null;
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
