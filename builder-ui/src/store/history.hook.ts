/** Undo/redo state for toolbars and the keyboard: what each button would do, and whether it can. */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { builderStore, redo, undo, useBuilder } from './builder.store';

export function useHistory() {
  const past = useStore(builderStore.temporal, (t) => t.pastStates);
  const future = useStore(builderStore.temporal, (t) => t.futureStates);
  const lastCommand = useBuilder((s) => s.lastCommand);
  return {
    canUndo: past.length > 0,
    canRedo: future.length > 0,
    undoLabel: lastCommand,
    redoLabel: future.length ? (future[future.length - 1].lastCommand ?? null) : null,
    undo: () => undo(),
    redo: () => redo(),
  };
}

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes — except inside text inputs and Monaco, which keep their own. */
export function useUndoShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el && el.closest('input, textarea, [contenteditable="true"], .monaco-editor')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
