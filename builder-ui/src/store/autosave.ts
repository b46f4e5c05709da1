/**
 * Autosave: a debounced PUT of the draft and its rename log with `If-Match: "<revision>"`. A 412 means someone
 * else saved in between: the draft is then marked "conflict" and nothing more is sent until the
 * consultant chooses reload (take theirs) or overwrite (keep ours) — never silently.
 */
import { ApiError } from '../api/api.client';
import type { DraftApi } from '../api/apps.api';
import type { BuilderStore } from './builder.store';

export interface Autosave {
  /** Saves now if there are unsaved edits (Publish calls it first). */
  flush(): Promise<void>;
  reload(): Promise<void>;
  overwrite(): Promise<void>;
  stop(): void;
}

export function startAutosave(store: BuilderStore, api: DraftApi, opts: { delayMs?: number } = {}): Autosave {
  const delayMs = opts.delayMs ?? 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  const state = () => store.getState();

  async function save(): Promise<void> {
    clearTimeout(timer);
    const { appId, definition, revision, renames, save: s } = state();
    if (!appId || !definition || s.status === 'conflict' || (s.status !== 'dirty' && s.status !== 'error')) return;
    state().setSave({ status: 'saving' });
    try {
      const saved = await api.saveDraft(appId, definition, revision, renames);
      state().setRevision(saved.revision);
      // Edits made while the request was out are still unsaved.
      if (state().definition === definition) state().setSave({ status: 'saved', at: Date.now() });
      else markDirty();
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) state().setSave({ status: 'conflict', message: err.message });
      else state().setSave({ status: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  function run(): Promise<void> {
    // One request at a time: a second save waits for the first (it needs the new revision).
    inFlight = (inFlight ?? Promise.resolve()).then(save).finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  function markDirty() {
    if (state().save.status === 'conflict') return;
    state().setSave({ status: 'dirty' });
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delayMs);
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.definition !== prev.definition && s.generation === prev.generation && s.definition) markDirty();
  });

  return {
    flush: async () => {
      if (inFlight) await inFlight;
      await run();
    },
    async reload() {
      const appId = state().appId;
      if (!appId) return;
      clearTimeout(timer);
      const app = await api.getApp(appId);
      state().load(app.id, app.draft, app.revision, app.renames);
    },
    async overwrite() {
      const { appId, definition } = state();
      if (!appId || !definition) return;
      // Explicit choice: take the server's current revision as the base, then save ours over it.
      const current = await api.getApp(appId);
      state().setRevision(current.revision);
      state().setSave({ status: 'dirty' });
      await run();
    },
    stop() {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
