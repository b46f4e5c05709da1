import type { ClaimOptions, Doc } from '../store.port';
import { StoreError } from '../store.errors';

/** Shared argument checks of the write primitives. `claim`: a filter object, a limit of 1..1000, a patch object. */
export function checkClaim(options: ClaimOptions): void {
  if (typeof options !== 'object' || options === null) throw new StoreError('claim needs options');
  if (typeof options.filter !== 'object' || options.filter === null || Array.isArray(options.filter))
    throw new StoreError('claim needs a filter');
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > 1000) throw new StoreError('claim needs a limit of 1..1000');
  checkPatch(options.patch);
}

export function checkPatch(patch: Doc): void {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new StoreError('a patch must be an object');
}

/** Upsert addresses one document: its id is required (idFor checks its shape). */
export function checkUpsertId(id: unknown): string {
  if (typeof id !== 'string' || id === '') throw new StoreError('upsert needs the document id');
  return id;
}

/** updateMany/deleteMany need a filter object: `{}` says "every document" on purpose; a forgotten argument is refused. */
export function checkFilter(filter: unknown, method: string): void {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter))
    throw new StoreError(`${method} needs a filter ({} for every document)`);
}
