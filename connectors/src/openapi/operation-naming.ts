/**
 * Readable, stable operation ids and titles. An id is the operationId in camelCase
 * (`get-users_by id` -> `getUsersById`), else the method and path (`GET /users/{id}` ->
 * `getUsersById`); repeats get 2, 3... in document order, so importing the same document again
 * gives the same ids.
 */
const MAX_ID = 64;

export function operationIdOf(operationId: unknown, method: string, path: string): string {
  const fromId = typeof operationId === 'string' ? camelCase(words(operationId)) : '';
  return fromId || camelCase([method, ...pathWords(path)]) || method;
}

/** Splits on anything that is not a letter or digit; keeps the inner capitals (`GetCustomers`). */
function words(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

function pathWords(path: string): string[] {
  const out: string[] = [];
  let previousWasParam = false;
  for (const segment of path.split('/').filter(Boolean)) {
    const param = /^\{(.+)\}$/.exec(segment);
    if (param) {
      out.push(previousWasParam ? 'And' : 'By', ...words(param[1]));
      previousWasParam = true;
    } else {
      out.push(...words(segment));
      previousWasParam = false;
    }
  }
  return out.length ? out : ['Root'];
}

function camelCase(parts: string[]): string {
  if (!parts.length) return '';
  let id = parts.map((w, i) => (i === 0 ? w[0].toLowerCase() + w.slice(1) : w[0].toUpperCase() + w.slice(1))).join('');
  if (!/^[A-Za-z]/.test(id)) id = `op${id[0].toUpperCase()}${id.slice(1)}`;
  return id.slice(0, MAX_ID);
}

/** Hands out ids, suffixing repeats (`listUsers`, `listUsers2`) within the 64-character limit. */
export class IdAllocator {
  private readonly taken = new Set<string>();

  allocate(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base.slice(0, MAX_ID - String(n).length)}${n}`;
    this.taken.add(id);
    return id;
  }
}

export function titleOf(summary: unknown, operationId: unknown, method: string, path: string): string {
  for (const candidate of [summary, operationId]) {
    if (typeof candidate === 'string' && candidate.trim()) return truncate(candidate.trim().replace(/\s+/g, ' '), 200);
  }
  return truncate(`${method.toUpperCase()} ${path}`, 200);
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
