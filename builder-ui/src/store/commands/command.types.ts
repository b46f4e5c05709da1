/**
 * A command is a named, pure edit of the draft: (draft, args) -> new draft. The store applies it
 * immutably, records it for undo under its name, and may move the selection to what it created.
 */
import type { Draft, DraftEntity, Selection } from '../draft.types';
import type { RenameEvent } from '@tessera/core/renames';

/** `renamed`: the command changed field or entity ids (the store logs them for publishing). */
export type Wrapped = { def: Draft; select?: Selection; renamed?: RenameEvent | RenameEvent[] };
export type CommandResult = Draft | Wrapped;
export type Command<A> = (def: Draft, args: A) => CommandResult;

/** A draft never has a top-level `def` key, so its presence marks the wrapped form. */
export const isWrapped = (r: CommandResult): r is Wrapped => typeof (r as Partial<Wrapped>).def === 'object' && !('schemaVersion' in r);

/** Replaces the item matching `pred`, or throws: a command on a missing target is a UI bug. */
export function replaceWhere<T>(list: T[], pred: (x: T) => boolean, fn: (x: T) => T, what: string): T[] {
  const i = list.findIndex(pred);
  if (i < 0) throw new Error(`${what} not found`);
  return list.map((x, j) => (j === i ? fn(x) : x));
}

/** Shallow patch where `undefined` removes a key (so forms can clear optional settings). */
export function applyPatch<T extends object>(obj: T, patch: Record<string, unknown>): T {
  const next: Record<string, unknown> = { ...(obj as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  return next as T;
}

export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/** The draft with one entity replaced by `fn(entity)`. */
export const withEntity = (def: Draft, entityId: string, fn: (e: DraftEntity) => DraftEntity): Draft => ({
  ...def,
  entities: replaceWhere(def.entities ?? [], (e) => e.id === entityId, fn, `entity "${entityId}"`),
});
