/**
 * `$ref`s of the document: only local ones (`#/...`) are followed. An external reference would make
 * the import read a file of the server or fetch a URL chosen by the document's author, so it is
 * refused with its pointer, as is a local one that leads nowhere.
 */
import { escapePointer, isObject, type ImportIssue } from './openapi.types';

/** Deeper nesting than this is not a real API description, and recursive steps must stay bounded. */
export const MAX_DEPTH = 200;
const MAX_ERRORS = 50;

export function checkRefs(doc: unknown): ImportIssue[] {
  const errors: ImportIssue[] = [];
  const visit = (value: unknown, pointer: string, depth: number): void => {
    if (errors.length >= MAX_ERRORS || typeof value !== 'object' || value === null) return;
    if (depth > MAX_DEPTH) {
      errors.push({ pointer, message: `nested deeper than ${MAX_DEPTH} levels` });
      return;
    }
    if (Array.isArray(value)) return value.forEach((item, i) => visit(item, `${pointer}/${i}`, depth + 1));
    for (const [key, child] of Object.entries(value)) {
      const at = `${pointer}/${escapePointer(key)}`;
      if (key === '$ref' && typeof child === 'string') {
        const problem = refProblem(doc, child);
        if (problem) errors.push({ pointer: at, message: problem });
      } else visit(child, at, depth + 1);
    }
  };
  visit(doc, '', 0);
  return errors;
}

function refProblem(doc: unknown, ref: string): string | undefined {
  if (!ref.startsWith('#')) return `external $ref "${ref}" is not supported: bundle the document into one file`;
  return resolvePointer(doc, ref) === undefined ? `$ref "${ref}" does not resolve in the document` : undefined;
}

/** The value at a `#/a/b` reference, or undefined. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (fragment === '') return doc;
  if (!fragment.startsWith('/')) return undefined;
  let value: unknown = doc;
  for (const raw of fragment.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) value = /^\d+$/.test(key) ? value[Number(key)] : undefined;
    else if (isObject(value) && Object.prototype.hasOwnProperty.call(value, key)) value = value[key];
    else return undefined;
    if (value === undefined) return undefined;
  }
  return value;
}

/**
 * Follows `$ref`s of non-schema objects (parameters, request bodies, responses, headers, security
 * schemes) to the object itself; schemas keep theirs (see schema-bundle.ts). A reference cycle of
 * such objects ends in undefined.
 */
export function deref(doc: unknown, value: unknown): unknown {
  const seen = new Set<string>();
  while (isObject(value) && typeof value.$ref === 'string') {
    if (seen.has(value.$ref)) return undefined;
    seen.add(value.$ref);
    value = resolvePointer(doc, value.$ref);
  }
  return value;
}
