/**
 * Keeps each app's rename log (rename/rename-log.ts) in localStorage, so reloading the builder
 * before publishing does not forget which ids were renamed. The draft API stores only the
 * definition, and the log is per editing session anyway; publishing filters the log against the
 * published version, so an entry that no longer applies (someone else published) is dropped then.
 */
import type { BuilderStore } from './builder.store';
import { isFieldEntry, type RenameEntry } from './rename/rename-log';

const keyOf = (appId: string) => `tessera.builder.renames.${appId}`;
const ID = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;

const isEntry = (r: unknown): r is RenameEntry => {
  const e = r as Record<string, unknown> | null;
  return !!e && typeof e === 'object' && ID.test(String(e.from)) && ID.test(String(e.to)) && (!('entity' in e) || ID.test(String(e.entity)));
};

export function readRenameLog(appId: string, storage: Storage | undefined = globalThis.localStorage): RenameEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(keyOf(appId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isEntry).map((r) => (isFieldEntry(r) ? { entity: r.entity, from: r.from, to: r.to } : { from: r.from, to: r.to })) : [];
  } catch {
    return []; // unreadable: as if nothing was renamed
  }
}

/** Writes the open app's log whenever it changes; returns the unsubscribe. */
export function persistRenameLog(store: BuilderStore, storage: Storage | undefined = globalThis.localStorage): () => void {
  return store.subscribe((s, prev) => {
    if (!s.appId || (s.renames === prev.renames && s.appId === prev.appId)) return;
    try {
      if (s.renames.length) storage?.setItem(keyOf(s.appId), JSON.stringify(s.renames));
      else storage?.removeItem(keyOf(s.appId));
    } catch {
      /* storage full or disabled: the log still lives in memory until the tab closes */
    }
  });
}
