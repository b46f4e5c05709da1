import { analyze } from './expression.analyze';

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);

/** How a field name is written in JSONata: bare when it can be, back-quoted otherwise. */
export const fieldToken = (name: string, quoted = false) => (!quoted && PLAIN.test(name) && !KEYWORDS.has(name) ? name : `\`${name}\``);

/**
 * Renames record field `from` to `to` wherever the expression reads it from the record (`amount`,
 * `$.amount`, `$$.amount`, inside function bodies at the record), not in other objects' paths
 * (`lines[amount > 1]`, `company.amount`). Source that does not parse is returned unchanged.
 */
export function renameField(source: string, from: string, to: string): string {
  return replaceFields(source, (name) => (name === from ? to : undefined));
}

/** Replaces each record field name `replace` gives a new name for. */
export function replaceFields(source: string, replace: (field: string) => string | undefined): string {
  const analysis = analyze(source);
  if (!analysis.ok) return source;
  let out = source;
  for (const n of [...analysis.names].reverse()) {
    const next = replace(n.field);
    if (next === undefined || next === n.field) continue;
    out = out.slice(0, n.start) + fieldToken(next, n.quoted) + out.slice(n.end);
  }
  return out;
}
