/** Resolves a RefSpec path (`columns.*.field`, `values.{}`) against a props/config object. */
import { joinPointer } from '../validation-issue';

export interface Located {
  pointer: string;
  value: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function resolvePath(root: unknown, path: string, base: string): Located[] {
  let current: Located[] = [{ pointer: base, value: root }];
  for (const segment of path.split('.')) {
    const next: Located[] = [];
    for (const { pointer, value } of current) {
      if (segment === '*' && Array.isArray(value)) value.forEach((v, i) => next.push({ pointer: joinPointer(pointer, i), value: v }));
      else if (segment === '*' && isObject(value))
        Object.entries(value).forEach(([k, v]) => next.push({ pointer: joinPointer(pointer, k), value: v }));
      else if (segment === '{}' && isObject(value))
        Object.keys(value).forEach((k) => next.push({ pointer: joinPointer(pointer, k), value: k }));
      else if (isObject(value) && value[segment] !== undefined)
        next.push({ pointer: joinPointer(pointer, segment), value: value[segment] });
    }
    current = next;
  }
  return current;
}
