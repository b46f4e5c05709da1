/**
 * The query builder's model of a filter: groups (all of / any of) of rules (field, operator,
 * value, optionally negated with `$not`), converted to and from the platform's MongoDB-style
 * filter language. Whatever the rules cannot show (an operator object they cannot split, a
 * `$not` of several operators, an empty list) becomes a raw JSON rule kept exactly as written:
 * converting a filter never drops a condition.
 */
import { isExpression } from '@tessera/core/expressions';
import { filterOperatorsOf, OPERATORS, type FilterOperator } from '@tessera/core';

export type Op = FilterOperator;
export interface Rule {
  kind: 'rule';
  field: string;
  op: Op;
  value: unknown;
  /** Negated: `{ field: { $not: { op: value } } }`. */
  not?: boolean;
  /** `$options` of a `$regex` (only "i" exists). */
  options?: string;
}
/** A condition kept as written (shown as JSON): one filter object, one part of its group. */
export interface RawRule {
  kind: 'raw';
  filter: Filter;
}
export interface Group {
  kind: 'group';
  combinator: '$and' | '$or';
  children: Array<Rule | RawRule | Group>;
  /** An all-of written as `$and: [...]` (else its parts merge into one object where they can). */
  explicit?: boolean;
}
export type Filter = Record<string, unknown>;
export type FilterNode = Group['children'][number];

const ORDERED: Op[] = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$regex', '$exists'];

/**
 * The operators a rule on a field of this type offers: the type's descriptor decides
 * (`operators`; none for fields evaluated on read). No field chosen yet: the text operators.
 */
export function operatorsFor(fieldType: string | undefined): Op[] {
  return fieldType ? [...filterOperatorsOf({ id: '', type: fieldType })] : [...OPERATORS.text];
}

export const emptyGroup = (combinator: Group['combinator'] = '$and'): Group => ({ kind: 'group', combinator, children: [] });

const isPlainObject = (v: unknown): v is Filter => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
/** An operator object (`{ $gt: 1 }`), as opposed to a value or an expression. */
const isOperators = (v: unknown): v is Filter =>
  isPlainObject(v) && !isExpression(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));

const raw = (filter: Filter): RawRule => ({ kind: 'raw', filter });

/** The value an operator takes, as the filter schema has it. */
function fitsOperator(op: string, v: unknown): boolean {
  if (op === '$in' || op === '$nin') return Array.isArray(v) && v.every(isScalar);
  if (op === '$exists') return typeof v === 'boolean';
  if (op === '$regex') return typeof v === 'string';
  return (ORDERED as string[]).includes(op) && isScalar(v);
}

/** One operator object as one rule ({ $gt: 1 } or { $regex, $options }), or undefined if it is more. */
function singleRule(field: string, ops: Filter): Rule | undefined {
  const keys = Object.keys(ops);
  if (keys.length === 2 && '$regex' in ops && ops.$options === 'i' && fitsOperator('$regex', ops.$regex)) {
    return { kind: 'rule', field, op: '$regex', value: ops.$regex, options: 'i' };
  }
  if (keys.length !== 1 || !fitsOperator(keys[0], ops[keys[0]])) return undefined;
  return { kind: 'rule', field, op: keys[0] as Op, value: ops[keys[0]] };
}

/** The rules of one `field: condition` entry, or the entry as a raw rule. */
function fieldNodes(field: string, cond: unknown): FilterNode[] {
  if (isScalar(cond) || isExpression(cond)) return [{ kind: 'rule', field, op: '$eq', value: cond }];
  if (!isOperators(cond)) return [raw({ [field]: cond })];
  const { $regex, $options, $not, ...rest } = cond;
  const rules: Rule[] = [];
  if ($regex !== undefined || $options !== undefined) {
    const rule = singleRule(field, { $regex, ...($options !== undefined ? { $options } : {}) });
    if (!rule) return [raw({ [field]: cond })];
    rules.push(rule);
  }
  for (const [op, v] of Object.entries(rest)) {
    const rule = singleRule(field, { [op]: v });
    if (!rule) return [raw({ [field]: cond })];
    rules.push(rule);
  }
  if ($not !== undefined) {
    const negated = isOperators($not) && !('$not' in $not) ? singleRule(field, $not) : undefined;
    if (!negated) return [raw({ [field]: cond })];
    rules.push({ ...negated, not: true });
  }
  return rules;
}

function arrayGroup(combinator: Group['combinator'], items: unknown[]): Group {
  const children = items.map((item): FilterNode => {
    if (!isPlainObject(item) || !Object.keys(item).length) return raw(item as Filter);
    const g = fromFilter(item);
    // An item that is one condition reads as that rule.
    return !g.explicit && g.combinator === '$and' && g.children.length === 1 && g.children[0].kind !== 'group' ? g.children[0] : g;
  });
  return { kind: 'group', combinator, children, ...(combinator === '$and' ? { explicit: true } : {}) };
}

export function fromFilter(filter: Filter | undefined): Group {
  const entries = Object.entries(filter ?? {});
  const logical = (key: string, value: unknown): value is unknown[] =>
    (key === '$and' || key === '$or') && Array.isArray(value) && value.length > 0;
  // A filter that is just { $or: [...] } (or $and) reads as that group.
  if (entries.length === 1 && logical(entries[0][0], entries[0][1]))
    return arrayGroup(entries[0][0] as Group['combinator'], entries[0][1] as unknown[]);
  const group = emptyGroup('$and');
  for (const [key, value] of entries) {
    if (logical(key, value)) group.children.push(arrayGroup(key as Group['combinator'], value));
    else if (key.startsWith('$'))
      group.children.push(raw({ [key]: value })); // e.g. an empty $or: kept, it matches nothing
    else group.children.push(...fieldNodes(key, value));
  }
  return group;
}

function ruleToFilter(r: Rule): Filter | undefined {
  if (!r.field) return undefined;
  const cond = r.op === '$regex' ? { $regex: r.value, ...(r.options ? { $options: r.options } : {}) } : { [r.op]: r.value };
  if (r.not) return { [r.field]: { $not: cond } };
  return { [r.field]: r.op === '$eq' ? r.value : cond };
}

const nodeToFilter = (node: FilterNode): Filter | undefined =>
  node.kind === 'rule' ? ruleToFilter(node) : node.kind === 'raw' ? node.filter : toFilter(node);

/**
 * All-of parts as one object (`{ status: "won", amount: { $gte: 1, $lte: 9 } }`): operator
 * objects of one field merge; any other clash of keys keeps the parts apart under `$and`.
 */
function mergeParts(parts: Array<{ filter: Filter; mergeable: boolean }>): Filter | undefined {
  const out: Filter = {};
  const mergeable = new Set<string>();
  for (const { filter, mergeable: canMerge } of parts) {
    for (const [key, value] of Object.entries(filter)) {
      if (!(key in out)) {
        out[key] = value;
        if (canMerge && isOperators(value)) mergeable.add(key);
      } else if (canMerge && mergeable.has(key) && isOperators(value) && !Object.keys(value).some((op) => op in (out[key] as Filter))) {
        out[key] = { ...(out[key] as Filter), ...value };
      } else {
        return undefined;
      }
    }
  }
  return out;
}

export function toFilter(group: Group): Filter | undefined {
  const parts = group.children
    .map((node) => ({ filter: nodeToFilter(node), mergeable: node.kind === 'rule' }))
    .filter(
      (p): p is { filter: Filter; mergeable: boolean } =>
        !!p.filter && (Object.keys(p.filter).length > 0 || !!group.explicit || group.combinator === '$or'),
    );
  if (!parts.length) return undefined;
  if (group.combinator === '$and' && !group.explicit) {
    const merged = mergeParts(parts);
    if (merged) return merged;
  }
  return { [group.combinator]: parts.map((p) => p.filter) };
}
