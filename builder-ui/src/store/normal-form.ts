/**
 * The draft as the server would publish it. Publishing stores the definition the validator
 * returns: migrated, with every schema default filled in (`hidden: false`, `indexes: []`…). The
 * draft the builder edits has none of those, so a raw comparison of a just-published draft with
 * its version differed by every default. Both sides are compared in this normal form instead.
 */
import type { Draft } from './draft.types';
import { validateDraft } from './validate-draft';

/** The published form of a valid draft; an invalid one (which cannot be published) stays as it is. */
export function normalForm(draft: Draft): Draft {
  const result = validateDraft(draft);
  return result.ok ? (result.definition as unknown as Draft) : draft;
}

/** Equal as JSON, whatever the order of object keys (a stored document may come back reordered). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Whether publishing `draft` would change nothing: it is valid and its normal form is `live`. */
export function isLive(draft: Draft, live: Draft): boolean {
  const result = validateDraft(draft);
  return result.ok && sameJson(result.definition, live);
}
