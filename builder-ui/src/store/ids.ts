/** Stable identifiers (`^[a-zA-Z][a-zA-Z0-9_]{0,63}$`) derived from a base and made unique. */
export function toIdentifier(text: string, fallback = 'item'): string {
  const words = text
    .normalize('NFKD')
    .replace(/[^\w\s]/g, ' ')
    .trim()
    .split(/[\s_]+/)
    .filter(Boolean);
  const camel = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  const id = camel.replace(/^[^a-zA-Z]+/, '').slice(0, 60);
  return id || fallback;
}

export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const root = toIdentifier(base);
  if (!used.has(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

// The id rules renames check are shared with @tessera/core's rename rewriting.
export { IDENTIFIER, idProblem } from '@tessera/core/renames';
