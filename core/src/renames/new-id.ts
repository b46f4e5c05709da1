/** Whether an id may replace another: the Identifier pattern of the schemas (ids become storage keys and API paths), and not taken. */
export const IDENTIFIER = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;

/** Why `id` cannot replace an existing id, or null when it can. */
export function idProblem(id: string, taken: Iterable<string>): 'pattern' | 'taken' | null {
  if (!IDENTIFIER.test(id)) return 'pattern';
  return new Set(taken).has(id) ? 'taken' : null;
}

/** Throws the message a consultant reads when `id` cannot be used. */
export function assertNewId(id: string, taken: Iterable<string>, what: string): void {
  const problem = idProblem(id, taken);
  if (problem === 'pattern') throw new Error(`"${id}" is not a valid ${what} id: a letter, then letters, digits or _`);
  if (problem === 'taken') throw new Error(`${what} id "${id}" is already used`);
}
