/** Whole-document commands: app info, the JSON view and imports replace the draft in one step. */
import type { Draft } from '../draft.types';
import { applyPatch, type Command } from './command.types';

const setAppInfo: Command<{ patch: Record<string, unknown> }> = (def, { patch }) => applyPatch(def, patch);

/** One undoable step, however much changed (JSON view edits, imports). The app id never changes here. */
const replaceDefinition: Command<{ definition: Draft }> = (def, { definition }) => ({ ...definition, id: def.id });

export const definitionCommands = { setAppInfo, replaceDefinition };
