/**
 * The definition validator, remembering its last verdicts per draft object: the store (for the
 * problems list) and the canvas (for the renderer's model, defaults applied) ask about the same
 * draft as it loads, and drafts are never mutated, only replaced, so one answer serves both.
 */
import { validateDefinition, type DefinitionResult } from '@tessera/core';

const verdicts = new WeakMap<object, DefinitionResult>();

export function validateDraft(draft: object): DefinitionResult {
  let result = verdicts.get(draft);
  if (!result) verdicts.set(draft, (result = validateDefinition(draft)));
  return result;
}
