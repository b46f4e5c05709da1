import jsonata from 'jsonata';

/** What a computed field's expression may read of its record: some fields, or (`all`) anything. */
export interface ExpressionReads {
  all: boolean;
  names: Set<string>;
}

type Node = Record<string, unknown> & { type?: string; value?: unknown };

const isContext = (n: Node) => n.type === 'variable' && (n.value === '' || n.value === '$');

/**
 * Over-approximates the fields a JSONata expression reads, for permissions: a field counts as read
 * if its name appears anywhere (`address.city` counts `city` too, which can only hide more). An
 * expression that can reach the whole record — `$` or `$$` used as a value (`$keys($)`,
 * `$lookup($, "x")`, `$string($)`), a wildcard or descendant at the record, a parent step — reads
 * everything. `$` inside a field's predicate (`tags[$ = "vip"]`) is that field's item, not the record.
 * An expression that does not parse reads everything (it fails at evaluation anyway).
 */
export function expressionReads(source: string): ExpressionReads {
  const out: ExpressionReads = { all: false, names: new Set() };
  let ast: unknown;
  try {
    ast = jsonata(source).ast();
  } catch {
    return { all: true, names: out.names };
  }
  walk(ast, true, out);
  return out;
}

/** `atRecord`: whether `$` here is the record (true at the top, false inside a field's steps and predicates). */
function walk(node: unknown, atRecord: boolean, out: ExpressionReads): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, atRecord, out));
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  switch (n.type) {
    case 'name':
      out.names.add(String(n.value));
      return walkRest(n, false, out); // its stages and predicates see the field's value
    case 'variable':
      if (isContext(n) && atRecord) out.all = true;
      return walkRest(n, atRecord, out);
    case 'wildcard':
    case 'descendant':
      if (atRecord) out.all = true;
      return walkRest(n, atRecord, out);
    case 'parent':
      out.all = true;
      return;
    case 'path':
      return walkPath(n, atRecord, out);
    default:
      return walkRest(n, atRecord, out);
  }
}

function walkRest(n: Node, atRecord: boolean, out: ExpressionReads): void {
  for (const [key, value] of Object.entries(n)) if (key !== 'type' && key !== 'value') walk(value, atRecord, out);
}

/** Steps after the first see what the step before produced: the record only after a leading `$`/`$$`. */
function walkPath(n: Node, atRecord: boolean, out: ExpressionReads): void {
  const steps = (n.steps as Node[] | undefined) ?? [];
  let context = atRecord;
  steps.forEach((step, i) => {
    const leadingContext = isContext(step) && i < steps.length - 1;
    if (leadingContext) walkRest(step, context, out); // `$.margin`: `$` here only leads to a name
    else walk(step, context, out);
    context = leadingContext ? context : false;
  });
  for (const [key, value] of Object.entries(n)) if (key !== 'steps' && key !== 'type') walk(value, atRecord, out);
}
