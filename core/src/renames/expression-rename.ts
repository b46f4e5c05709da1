/**
 * Record field names inside a JSONata expression evaluated with the record as input (computed
 * fields): every path that starts at the record (`amount`, `amount.x`, `$.amount`) and bare names
 * in operators, function arguments, conditions and object values. Names in a later step or a
 * predicate (`lines[amount > 1]`, `company.name`) belong to another object and are left alone.
 */
import jsonata from 'jsonata';

interface Node {
  type?: string;
  value?: unknown;
  position?: number;
  steps?: Node[];
}

interface NameToken {
  name: string;
  /** Offset just after the token (the AST's `position`). */
  end: number;
}

function collect(node: unknown, out: NameToken[]): void {
  if (Array.isArray(node)) {
    node.forEach((n) => collect(n, out));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (n.type === 'path' && Array.isArray(n.steps)) {
    const [first, second] = n.steps;
    // `$.amount` and `$$.amount` start at the input too.
    const head = first?.type === 'variable' && (first.value === '' || first.value === '$') ? second : first;
    if (head?.type === 'name' && typeof head.value === 'string' && typeof head.position === 'number') out.push({ name: head.value, end: head.position });
    else if (head && head.type !== 'variable') collect(head, out); // `$sum(amount).x`: the call reads the record
    return; // the other steps are evaluated against each step's own items
  }
  if (n.type === 'name' && typeof n.value === 'string' && typeof n.position === 'number') out.push({ name: n.value, end: n.position });
  for (const value of Object.values(n)) if (value && typeof value === 'object') collect(value, out);
}

function tokens(source: string): NameToken[] | undefined {
  try {
    const out: NameToken[] = [];
    collect(jsonata(source).ast(), out);
    return out;
  } catch {
    return undefined;
  }
}

/** The record fields an expression reads, in order of first use. */
export function fieldsRead(source: string): string[] {
  return [...new Set((tokens(source) ?? []).map((t) => t.name))];
}

/** Replaces each record field name `replace` gives a text for; unparsable source is returned unchanged. */
export function replaceRecordNames(source: string, replace: (name: string) => string | undefined): string {
  const found = [...new Map((tokens(source) ?? []).map((t) => [t.end, t])).values()].sort((a, b) => b.end - a.end);
  let out = source;
  for (const { name, end } of found) {
    const text = replace(name);
    if (text === undefined) continue;
    // `amount` ends at `end`; a back-quoted `` `amount` `` ends one character after the name.
    const start = out.slice(end - name.length, end) === name ? end - name.length : out.slice(end - name.length - 1, end - 1) === name ? end - name.length - 1 : -1;
    if (start >= 0) out = out.slice(0, start) + text + out.slice(start + name.length);
  }
  return out;
}

/** Renames field `from` to `to` where the expression reads it from the record. */
export const renameInExpression = (source: string, from: string, to: string): string => replaceRecordNames(source, (name) => (name === from ? to : undefined));
