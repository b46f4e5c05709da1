/** Whole-document commands: app info, the JSON view and imports replace the draft in one step. */
import { eventOf, type RenameEntry } from '@tessera/core/renames';
import type { Draft } from '../draft.types';
import { applyPatch, type Command } from './command.types';

const setAppInfo: Command<{ patch: Record<string, unknown> }> = (def, { patch }) => applyPatch(def, patch);

/**
 * One undoable step, however much changed (JSON view edits, imports). The app id never changes
 * here. A replaced document says nothing about which ids were renamed, so the JSON view passes
 * what the consultant declared (`renames`), and the rename log records it for the publish.
 */
const replaceDefinition: Command<{ definition: Draft; renames?: RenameEntry[] }> = (def, { definition, renames }) => {
  const next = { ...definition, id: def.id };
  return renames?.length ? { def: next, renamed: renames.map(eventOf) } : next;
};

export const definitionCommands = { setAppInfo, replaceDefinition };
