/** JSONata 2.x's built-in functions: `$name` of one of these is a function, not a variable an expression reads. */
export const BUILTIN_FUNCTIONS: ReadonlySet<string> = new Set([
  'sum', 'count', 'max', 'min', 'average', 'string', 'substring', 'substringBefore', 'substringAfter', 'lowercase',
  'uppercase', 'length', 'trim', 'pad', 'match', 'contains', 'replace', 'split', 'join', 'formatNumber', 'formatBase',
  'formatInteger', 'parseInteger', 'number', 'floor', 'ceil', 'round', 'abs', 'sqrt', 'power', 'random', 'boolean',
  'not', 'map', 'zip', 'filter', 'single', 'reduce', 'sift', 'keys', 'lookup', 'append', 'exists', 'spread', 'merge',
  'reverse', 'each', 'error', 'assert', 'type', 'sort', 'shuffle', 'distinct', 'base64encode', 'base64decode',
  'encodeUrlComponent', 'encodeUrl', 'decodeUrlComponent', 'decodeUrl', 'eval', 'toMillis', 'fromMillis', 'clone',
  'now', 'millis',
]);

/**
 * Built-ins that take the context as their first argument when it is left out (a `-` in their
 * signature) and accept an object there, so called at the record they read all of it: the number
 * of arguments below which that happens. (`$uppercase()` and the like also default to the context
 * but refuse an object, so at the record they fail instead of reading it.)
 */
export const CONTEXT_READERS: ReadonlyMap<string, number> = new Map([
  ['string', 1], ['boolean', 1], ['not', 1], ['keys', 1], ['spread', 1], ['clone', 1], ['lookup', 2], ['sift', 2], ['each', 2],
]);

/** Built-ins that read what they are given in ways no static walk can follow: `$eval` runs a string as JSONata in the current scope. */
export const OPAQUE_FUNCTIONS: ReadonlySet<string> = new Set(['eval']);
