/**
 * The one store of the builder: the draft definition plus editor state. Every edit goes through
 * `dispatch(commandName, args)`; zundo records the draft (and the command's name) for undo/redo,
 * while selection, validation and save status stay out of history.
 */
import { componentTypes } from '@tessera/core';
import { temporal } from 'zundo';
import { createStore, useStore, type StoreApi } from 'zustand';
import { commands, type CommandArgs, type CommandName } from './commands/commands.index';
import { isWrapped, type CommandResult } from './commands/command.types';
import { contextEntity, type AddComponentArgs } from './commands/page.commands';
import { needsEntity } from './commands/scaffold';
import type { Draft, Selection } from './draft.types';
import { emptyIssueIndex, indexIssues, type IssueIndex } from './issue-mapping';
import { logRename, reconcileRenames, type RenameEntry } from '@tessera/core/renames';
import { validateDraft } from './validate-draft';
import { isLive, sameJson } from './normal-form';

export type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

export interface SaveState {
  status: SaveStatus;
  message?: string;
  at?: number;
}

/** A published version: its number and its definition as the server stored it (normal form). */
export interface LiveVersion {
  version: number;
  definition: Draft;
}

export interface BuilderState {
  appId: string | null;
  definition: Draft | null;
  revision: number | null;
  /** Name of the command that produced the current draft: what Undo would revert. */
  lastCommand: string | null;
  /**
   * Field and entity renames since the last publish (@tessera/core/renames), saved with the draft
   * so the next publish, from any client, moves stored data too. Part of undo history: an undone
   * rename leaves the log.
   */
  renames: RenameEntry[];
  selection: Selection;
  issues: IssueIndex;
  save: SaveState;
  /** Bumped by load(): lets autosave tell a loaded draft from an edited one. */
  generation: number;
  /** A data component dropped from the palette, waiting for the consultant to choose its entity (`entityId` = the proposed one). */
  pendingAdd: AddComponentArgs | null;
  /** The version the runtime serves (/apps/<id>/), or null when the app was never published. */
  live: LiveVersion | null;
  /**
   * Publishing the draft would change nothing: it is valid and publishes to exactly the live
   * version. Set with the problems (validation gives the normal form), so false until then.
   */
  upToDate: boolean;
  /** `renames`: the log saved with the draft (AppDraft.renames); without it a reload of the same app keeps the current log. */
  load(appId: string, definition: Draft, revision: number | null, renames?: RenameEntry[]): void;
  dispatch<K extends CommandName>(name: K, args: CommandArgs<K>, opts?: { coalesce?: string }): void;
  select(selection: Selection): void;
  validateNow(): void;
  setSave(save: SaveState): void;
  setRevision(revision: number): void;
  /**
   * After a publish: the published version is the new base, so the log starts empty and undo
   * history is cleared (undoing past the publish would need renames relative to the old base).
   */
  published(live?: LiveVersion): void;
  /** The live version, as the session learns it (on open, after a publish or rollback). */
  setLive(live: LiveVersion | null): void;
  /** A palette drop: a data component first asks which entity it shows (pendingAdd); anything else is added at once. */
  requestAdd(args: AddComponentArgs): void;
  /** Adds the pending component bound to `entityId`; `null` drops it. */
  resolveAdd(entityId: string | null): void;
}

type Tracked = Pick<BuilderState, 'definition' | 'lastCommand' | 'renames'>;

export const HISTORY_LIMIT = 200;
const COALESCE_MS = 1000;

/** Runs `fn` once the browser has painted the next frame; at once where there are no frames (tests, Node). */
function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || typeof window === 'undefined' || !('MessageChannel' in window)) return void fn();
  requestAnimationFrame(() => setTimeout(fn, 0));
}

export function createBuilderStore() {
  let lastCoalesce: { key: string; at: number } | null = null;
  let validateTimer: ReturnType<typeof setTimeout> | undefined;

  const store = createStore<BuilderState>()(
    temporal(
      (set, get) => ({
        appId: null,
        definition: null,
        revision: null,
        lastCommand: null,
        renames: [],
        selection: null,
        issues: emptyIssueIndex(),
        save: { status: 'idle' },
        generation: 0,
        pendingAdd: null,
        live: null,
        upToDate: false,
        load(appId, definition, revision, renames) {
          const t = store.temporal.getState();
          t.pause();
          const log = reconcileRenames(renames ?? (appId === get().appId ? get().renames : []), definition);
          set({
            appId,
            definition,
            revision,
            renames: log,
            lastCommand: null,
            selection: null,
            // Another app's live version is not this one's; the session sets it (openApp).
            live: appId === get().appId ? get().live : null,
            upToDate: false,
            save: { status: 'saved' },
            generation: get().generation + 1,
          });
          t.resume();
          t.clear();
          lastCoalesce = null;
          // After the first paint of the loaded draft: validating a big draft takes ~0.4 s of main
          // thread (compiling the validator the first time), which the user should not wait for
          // before seeing it. Until then the problem list is empty; the server validates publishes anyway.
          afterNextPaint(() => get().definition === definition && get().validateNow());
        },
        dispatch(name, args, opts) {
          const def = get().definition;
          if (!def) throw new Error('no draft loaded');
          const run = commands[name] as (d: Draft, a: unknown) => CommandResult;
          const result = run(def, args);
          const next: Draft = isWrapped(result) ? result.def : result;
          if (next === def) return;
          // Typing in one input is many commands but one step for undo: keep the first
          // recorded state and apply the rest without recording.
          const now = Date.now();
          const merge = !!opts?.coalesce && lastCoalesce?.key === opts.coalesce && now - lastCoalesce.at < COALESCE_MS;
          lastCoalesce = opts?.coalesce ? { key: opts.coalesce, at: now } : null;
          const t = store.temporal.getState();
          if (merge) t.pause();
          const events = isWrapped(result) && result.renamed ? [result.renamed].flat() : [];
          const logged = events.reduce(logRename, get().renames);
          const renames = reconcileRenames(logged, next);
          set({
            definition: next,
            lastCommand: name,
            renames,
            ...(isWrapped(result) && result.select !== undefined ? { selection: result.select } : {}),
          });
          if (merge) t.resume();
        },
        select: (selection) => set({ selection }),
        validateNow() {
          clearTimeout(validateTimer);
          const def = get().definition;
          if (!def) return;
          const result = validateDraft(def);
          const live = get().live;
          // The validation just made gives the normal form: no second validation to compare it.
          const upToDate = !!live && result.ok && sameJson(result.definition, live.definition);
          set({ issues: indexIssues(def, result.ok ? [] : result.errors), upToDate });
        },
        setSave: (save) => set({ save }),
        setRevision: (revision) => set({ revision }),
        published(live) {
          const t = store.temporal.getState();
          t.pause();
          set({ renames: [] });
          if (live) get().setLive(live);
          t.resume();
          t.clear();
          lastCoalesce = null;
        },
        setLive(live) {
          const def = get().definition;
          set({ live, upToDate: !!live && !!def && isLive(def, live.definition) });
        },
        requestAdd(args) {
          const def = get().definition;
          if (!def) return;
          if (!needsEntity(componentTypes.get(args.type)) || !(def.entities ?? []).length) return get().dispatch('addComponent', args);
          set({ pendingAdd: { ...args, entityId: args.entityId ?? contextEntity(def, args.pageId, args.parentId) } });
        },
        resolveAdd(entityId) {
          const pending = get().pendingAdd;
          set({ pendingAdd: null });
          if (pending && entityId) get().dispatch('addComponent', { ...pending, entityId });
        },
      }),
      {
        limit: HISTORY_LIMIT,
        partialize: (s): Tracked => ({ definition: s.definition, lastCommand: s.lastCommand, renames: s.renames }),
        equality: (a, b) => a.definition === b.definition,
      },
    ),
  );

  // Validation follows every change of the draft (commands, undo, redo), debounced so a burst
  // of keystrokes validates once.
  store.subscribe((s, prev) => {
    if (s.definition === prev.definition || !s.definition) return;
    clearTimeout(validateTimer);
    validateTimer = setTimeout(() => store.getState().validateNow(), 150);
  });
  return store;
}

export type BuilderStore = ReturnType<typeof createBuilderStore>;

/** The app-wide store; tests create their own with createBuilderStore(). */
export const builderStore: BuilderStore = createBuilderStore();

export function useBuilder<T>(selector: (s: BuilderState) => T): T {
  return useStore(builderStore as StoreApi<BuilderState>, selector);
}

export const undo = (store: BuilderStore = builderStore) => store.temporal.getState().undo();
export const redo = (store: BuilderStore = builderStore) => store.temporal.getState().redo();
