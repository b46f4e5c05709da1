import type { Doc } from '../store.port';
import { StoreError } from '../store.errors';
import { userFields } from './doc.prepare';

/**
 * `{ $inc: n }` patch values (see the port's `Increment`): an object whose only key is `$inc`.
 * Anything else is a plain value. `$inc` with something other than a finite number is refused
 * rather than stored, so a typo never lands in a document.
 */
export function isIncrement(v: unknown): v is { $inc: number } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  if (keys.length !== 1 || keys[0] !== '$inc') return false;
  const n = (v as { $inc: unknown }).$inc;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new StoreError(`$inc needs a finite number, got ${JSON.stringify(n)}`);
  return true;
}

export interface SplitPatch {
  /** Plain values, stored as given. */
  set: Doc;
  /** Field -> amount to add. */
  inc: Record<string, number>;
}

/** The user fields of a patch (system keys and undefined dropped), increments apart. */
export function splitPatch(patch: Doc): SplitPatch {
  const set: Doc = {};
  const inc: Record<string, number> = {};
  for (const [k, v] of Object.entries(userFields(patch))) {
    if (isIncrement(v)) inc[k] = v.$inc;
    else set[k] = v;
  }
  return { set, inc };
}

export function hasIncrement(patch: Doc): boolean {
  for (const k in patch) if (isIncrement(patch[k])) return true;
  return false;
}

/** The value `$inc` adds to: a number, 0 for missing or null; anything else is refused (as MongoDB does). */
export function incBase(current: unknown, field: string): number {
  if (current === undefined || current === null) return 0;
  if (typeof current !== 'number')
    throw new StoreError(`cannot $inc "${field}": it holds a ${Array.isArray(current) ? 'array' : typeof current}, not a number`);
  return current;
}

/** The user fields `patch` leaves on `current` (shallow merge, increments resolved). */
export function applyPatch(current: Doc, patch: Doc): Doc {
  const { set, inc } = splitPatch(patch);
  const out: Doc = { ...current, ...set };
  for (const [k, n] of Object.entries(inc)) out[k] = incBase(current[k], k) + n;
  return out;
}
