import type { Doc, StoredDoc } from '../store.port';
import { StoreError } from '../store.errors';
import { IDENT, SYSTEM_FIELDS } from '../../query/field-path';
import { ID_PATTERN, newId } from './ids';

/** Fields the store owns; values for them in a written document are ignored. */
const SYSTEM = new Set<string>(SYSTEM_FIELDS);

/** Top-level field names must be identifiers so every stored field can be filtered by path. */
function checkKey(key: string): void {
  if (!IDENT.test(key) || key === '_id') throw new StoreError(`invalid field name ${JSON.stringify(key)}`);
}

/** The non-system fields of `doc`, with undefined values dropped (JSON has no undefined). */
export function userFields(doc: Doc): Doc {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new StoreError('a document must be an object');
  const out: Doc = {};
  for (const key in doc) {
    if (SYSTEM.has(key)) continue;
    const v = doc[key];
    if (v === undefined) continue;
    checkKey(key);
    out[key] = v;
  }
  return out;
}

/** The id for a new document: the caller's (validated) or a fresh time-ordered one. */
export function idFor(doc: Doc): string {
  const id = doc.id;
  if (id === undefined || id === null) return newId();
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw new StoreError(`invalid id ${JSON.stringify(id)}`);
  return id;
}

/** A kept system field (InsertManyOptions.keepSystemFields): a positive integer version, ISO timestamps. */
export function keptSystemFields(doc: Doc): { version: number; createdAt: string; updatedAt: string } {
  const { version, createdAt, updatedAt } = doc;
  const iso = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
  if (!Number.isInteger(version) || (version as number) < 1 || !iso(createdAt) || !iso(updatedAt)) {
    throw new StoreError(`keepSystemFields needs version, createdAt and updatedAt on every document (${JSON.stringify(doc.id)})`);
  }
  return { version: version as number, createdAt: createdAt as string, updatedAt: updatedAt as string };
}

/** Shallow merge per the port: absent/undefined keys stay, null stores null, system keys ignored. */
export function mergePatch(current: Doc, patch: Doc): Doc {
  return { ...current, ...userFields(patch) };
}

/** Builds the public shape: id first, user fields, then the other system fields. */
export function toStored(id: string, version: number, createdAt: string, updatedAt: string, fields: Doc): StoredDoc {
  return { id, ...fields, version, createdAt, updatedAt };
}

export function stripSystem(doc: StoredDoc): Doc {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...rest } = doc;
  return rest;
}
