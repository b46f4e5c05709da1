import type { Doc, StoredDoc, UpdateOptions } from '../store.port';
import { NotFoundError, VersionConflictError } from '../store.errors';
import { toStored, userFields } from '../shared/doc.prepare';
import { checkUnique, copyOut, liveDoc, toJson, type MemoryContext } from './memory.context';
import { patched } from './patch.memory';

/** The stored document an update or delete targets, after the expectedVersion check. */
export function target(ctx: MemoryContext, id: string, options?: UpdateOptions): StoredDoc {
  const current = liveDoc(ctx, id);
  if (!current) throw new NotFoundError(ctx.name, id);
  const expected = options?.expectedVersion;
  if (expected !== undefined && current.version !== expected) throw new VersionConflictError(ctx.name, id, expected, current.version);
  return current;
}

/** Replaces a stored document by its next version, after the unique check. */
export function put(ctx: MemoryContext, docs: Map<string, StoredDoc>, next: StoredDoc): void {
  checkUnique(ctx, docs, next);
  docs.set(next.id, next);
}

/** `update` merges (with `$inc`), `replace` swaps all user fields. */
export function update(ctx: MemoryContext, id: string, patch: Doc, options: UpdateOptions | undefined, replace: boolean): StoredDoc {
  const current = target(ctx, id, options);
  const now = new Date().toISOString();
  const next = replace
    ? toStored(id, current.version + 1, current.createdAt, now, toJson(userFields(patch)))
    : patched(ctx.name, current, patch, now);
  put(ctx, ctx.docs, next);
  return copyOut(next);
}
