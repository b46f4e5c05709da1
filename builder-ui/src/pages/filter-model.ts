/**
 * The query builder's model of a filter: groups (all of / any of) of rules (field, operator,
 * value), converted to and from the platform's MongoDB-style filter language.
 */
export type Op = '$eq' | '$ne' | '$gt' | '$gte' | '$lt' | '$lte' | '$in' | '$nin' | '$regex' | '$exists';
export interface Rule { kind: 'rule'; field: string; op: Op; value: unknown }
export interface Group { kind: 'group'; combinator: '$and' | '$or'; children: Array<Rule | Group> }
type Filter = Record<string, unknown>;

const ORDERED: Op[] = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$regex', '$exists'];

/** Operators that make sense for a field type (storage kind decides: numbers and dates compare). */
export function operatorsFor(fieldType: string | undefined): Op[] {
  switch (fieldType) {
    case 'number': case 'money': case 'date': case 'datetime': case 'rollup':
      return ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$exists'];
    case 'boolean':
      return ['$eq', '$ne', '$exists'];
    case 'enum': case 'relation':
      return ['$eq', '$ne', '$in', '$nin', '$exists'];
    case 'multienum':
      return ['$eq', '$in', '$nin', '$exists'];
    default:
      return ['$eq', '$ne', '$regex', '$in', '$nin', '$exists'];
  }
}

export const emptyGroup = (combinator: Group['combinator'] = '$and'): Group => ({ kind: 'group', combinator, children: [] });

function ruleToFilter(r: Rule): Filter {
  if (r.op === '$eq') return { [r.field]: r.value as unknown };
  if (r.op === '$regex') return { [r.field]: { $regex: r.value, $options: 'i' } };
  return { [r.field]: { [r.op]: r.value } };
}

export function toFilter(group: Group): Filter | undefined {
  const parts = group.children
    .map((c) => (c.kind === 'rule' ? (c.field ? ruleToFilter(c) : undefined) : toFilter(c)))
    .filter((x): x is Filter => !!x && Object.keys(x).length > 0);
  if (!parts.length) return undefined;
  if (parts.length === 1 && group.combinator === '$and') return parts[0];
  // All-of with distinct plain keys reads best as one object: { status: "won", amount: {...} }.
  const keys = parts.flatMap((p) => Object.keys(p));
  if (group.combinator === '$and' && !keys.some((k) => k.startsWith('$')) && new Set(keys).size === keys.length) return Object.assign({}, ...parts);
  return { [group.combinator]: parts };
}

function rulesOf(field: string, value: unknown): Rule[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [{ kind: 'rule', field, op: '$eq', value }];
  return Object.entries(value as Record<string, unknown>)
    .filter(([op]) => ORDERED.includes(op as Op))
    .map(([op, v]) => ({ kind: 'rule', field, op: op as Op, value: v }));
}

export function fromFilter(filter: Filter | undefined, combinator: Group['combinator'] = '$and'): Group {
  const group = emptyGroup(combinator);
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (key === '$and' || key === '$or') {
      const nested = (value as Filter[]).map((f) => fromFilter(f));
      const merged: Group = { kind: 'group', combinator: key, children: nested.flatMap((g) => (g.children.length === 1 ? g.children : [g])) };
      if (key === combinator && Object.keys(filter ?? {}).length === 1) return merged;
      group.children.push(merged);
    } else {
      group.children.push(...rulesOf(key, value));
    }
  }
  return group;
}
