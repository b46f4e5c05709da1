/**
 * Turns ajv's errors into readable issues: the pointer of the offending value and a sentence
 * that names the property, the allowed values or the closest correct name. Every error is
 * reported (allErrors), but each anyOf is collapsed to the branch the value was meant for.
 */
import type { ErrorObject } from 'ajv';
import type { JsonSchema } from '../json-schema';
import { patternMessages } from './pattern-messages';
import { didYouMean } from './suggest';
import { dedupeIssues, joinPointer, type ValidationIssue } from './validation-issue';

/** Discriminated unions by their title: what to call the tag value and which values exist. */
export type UnionNames = Record<string, { noun: string; values: () => string[] }>;

type Item = { path: string; error: ErrorObject } | { path: string; issue: ValidationIssue };

const under = (path: string, base: string) => path === base || path.startsWith(`${base}/`);
const quote = (v: unknown) => JSON.stringify(v);

/**
 * ajv appends an anyOf's failing branch errors just before the anyOf error itself. Branches whose
 * type did not even match the value are noise ("must be string" for a Label given as an object);
 * drop them, and if every branch mismatched, say which types are accepted.
 */
function collapseAnyOf(stack: Item[], anyOf: ErrorObject): void {
  const base = anyOf.instancePath;
  const mine: Item[] = [];
  while (stack.length && under(stack[stack.length - 1].path, base)) mine.unshift(stack.pop()!);
  const isMismatch = (i: Item) => 'error' in i && i.error.keyword === 'type' && i.path === base;
  const kept = mine.filter((i) => !isMismatch(i));
  if (kept.length) {
    stack.push(...kept);
    return;
  }
  const types = new Set(mine.flatMap((i) => ('error' in i ? String(i.error.params.type).split(',') : [])));
  stack.push({ path: base, issue: { pointer: base, message: `must be ${[...types].join(' or ')}` } });
}

function additionalProperty(e: ErrorObject): ValidationIssue {
  const name = String(e.params.additionalProperty);
  const pointer = joinPointer(e.instancePath, name);
  const parent = (e.parentSchema ?? {}) as JsonSchema;
  const allowed = Object.keys(parent.properties ?? {});
  if (name.startsWith('$')) {
    const operators = allowed.filter((p) => p.startsWith('$'));
    return { pointer, message: `unsupported operator "${name}"${operators.length ? ` (allowed: ${operators.join(', ')})` : ''}` };
  }
  if (parent.patternProperties) {
    const pattern = Object.keys(parent.patternProperties)[0];
    return { pointer, message: `"${name}" ${patternMessages[pattern] ?? `does not match ${pattern}`}` };
  }
  return { pointer, message: `unknown property "${name}"${didYouMean(name, allowed)}` };
}

function discriminator(e: ErrorObject, unions: UnionNames): ValidationIssue {
  const tag = String(e.params.tag);
  const value = e.params.tagValue;
  if (value === undefined) return { pointer: e.instancePath, message: `missing required property "${tag}"` };
  const pointer = joinPointer(e.instancePath, tag);
  if (typeof value !== 'string') return { pointer, message: `"${tag}" must be a string` };
  const union = unions[String((e.parentSchema as JsonSchema | undefined)?.title)];
  const values = union?.values() ?? [];
  return {
    pointer,
    message: `unknown ${union?.noun ?? tag} "${value}"${didYouMean(value, values)}${values.length ? ` (expected one of ${values.join(', ')})` : ''}`,
  };
}

export interface FormatOptions {
  /**
   * Where a missing required property is reported: at the object that lacks it (definitions: the
   * builder marks the component) or at the property itself (records: the form marks the field).
   */
  missingAt?: 'object' | 'property';
}

function toIssue(e: ErrorObject, unions: UnionNames, options: FormatOptions): ValidationIssue | undefined {
  const at = e.instancePath;
  // Errors inside `propertyNames` carry the offending key; point at it.
  const key = (e as ErrorObject & { propertyName?: string }).propertyName;
  const pointer = key === undefined ? at : joinPointer(at, key);
  switch (e.keyword) {
    case 'required':
      return {
        pointer: options.missingAt === 'property' ? joinPointer(at, String(e.params.missingProperty)) : at,
        message: `missing required property "${e.params.missingProperty}"`,
      };
    case 'additionalProperties':
      return additionalProperty(e);
    case 'discriminator':
      return discriminator(e, unions);
    case 'propertyNames':
      return undefined; // the inner error (with propertyName) says what is wrong
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]) ?? [];
      const hint = typeof e.data === 'string' ? didYouMean(e.data, allowed.map(String)) : '';
      return { pointer, message: `must be one of ${allowed.map(quote).join(', ')}${hint}` };
    }
    case 'const':
      return { pointer, message: `must be ${quote(e.params.allowedValue)}` };
    case 'type':
      return { pointer, message: `must be ${String(e.params.type).split(',').join(' or ')}` };
    case 'pattern': {
      const known = patternMessages[String(e.params.pattern)];
      return { pointer, message: known ? `${quote(key ?? e.data)} ${known}` : `must match the pattern ${e.params.pattern}` };
    }
    case 'false schema':
      return { pointer, message: 'read-only field' };
    case 'if':
      return undefined;
    default:
      return { pointer, message: e.message ?? `fails ${e.keyword}` };
  }
}

export function formatAjvErrors(
  errors: ErrorObject[] | null | undefined,
  unions: UnionNames = {},
  options: FormatOptions = {},
): ValidationIssue[] {
  const stack: Item[] = [];
  for (const error of errors ?? []) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') collapseAnyOf(stack, error);
    else stack.push({ path: error.instancePath, error });
  }
  const issues = stack.flatMap((i) => ('issue' in i ? [i.issue] : [toIssue(i.error, unions, options)].filter((x) => x !== undefined)));
  return dedupeIssues(issues as ValidationIssue[]);
}
