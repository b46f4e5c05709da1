/**
 * Rewrites the values a RefSpec path names (`columns.*.field`, `values.{}`, `metric.field`) —
 * the write twin of the validator's path resolver, so every type's declared refs can be renamed
 * by one loop. Returns the input itself when nothing changed (zundo keeps old states by reference).
 */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function mapAt(value: unknown, segments: string[], fn: (v: unknown) => unknown): unknown {
  if (!segments.length) return fn(value);
  const [segment, ...rest] = segments;
  if (segment === '*') {
    if (Array.isArray(value)) {
      const next = value.map((v) => mapAt(v, rest, fn));
      return next.some((v, i) => v !== value[i]) ? next : value;
    }
    if (isObject(value)) {
      const next = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapAt(v, rest, fn)]));
      return Object.keys(value).some((k) => next[k] !== value[k]) ? next : value;
    }
    return value;
  }
  if (segment === '{}') {
    // The keys themselves are the references (`values.{}`: field id -> value); order is kept.
    if (!isObject(value) || rest.length) return value;
    const entries = Object.entries(value).map(([k, v]) => [String(fn(k)), v] as const);
    return entries.some(([k], i) => k !== Object.keys(value)[i]) ? Object.fromEntries(entries) : value;
  }
  if (!isObject(value) || value[segment] === undefined) return value;
  const inner = mapAt(value[segment], rest, fn);
  return inner === value[segment] ? value : { ...value, [segment]: inner };
}

export function mapRefPath(root: unknown, path: string, fn: (v: unknown) => unknown): unknown {
  return mapAt(root, path.split('.'), fn);
}
