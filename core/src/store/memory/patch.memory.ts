import type { Doc, Increment, StoredDoc } from '../store.port';
import { StoreError } from '../store.errors';
import { stripSystem, toStored, userFields } from '../shared/doc.prepare';
import { toJson } from './memory.context';

/** `{ $inc: n }` as the port defines it: the only key, a finite number. */
export function isIncrement(v: unknown): v is Increment {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === '$inc' && typeof (v as Increment).$inc === 'number' && Number.isFinite((v as Increment).$inc);
}

/** The user fields of `current` with `patch` merged in: `$inc` adds to the stored number (missing or null is 0). */
export function mergeWithIncrements(collection: string, current: Doc, patch: Doc): Doc {
  const out: Doc = { ...current };
  for (const [key, v] of Object.entries(toJsonPatch(patch))) {
    if (!isIncrement(v)) {
      out[key] = v;
      continue;
    }
    const base = out[key] ?? 0;
    if (typeof base !== 'number') throw new StoreError(`${collection}: cannot $inc "${key}", it holds ${JSON.stringify(base)}`);
    out[key] = base + v.$inc;
  }
  return out;
}

function toJsonPatch(patch: Doc): Doc {
  return toJson(userFields(patch));
}

/** `doc` with `patch` applied: version + 1 and a new updatedAt, as every update does. */
export function patched(collection: string, doc: StoredDoc, patch: Doc, now: string): StoredDoc {
  return toStored(doc.id, doc.version + 1, doc.createdAt, now, mergeWithIncrements(collection, stripSystem(doc), patch));
}
