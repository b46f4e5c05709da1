/**
 * A rename written as text, as the CLI's `--rename` and the builder's JSON view take it:
 * `contact.lastName=surname` renames a field of entity `contact` (named by its id in the new
 * definition), `company=account` renames an entity.
 */
import type { RenameEntry } from '../wire/api-types';
import { IDENTIFIER } from './new-id';

export function parseRenameSpec(spec: string): RenameEntry {
  const m = /^\s*([^=.\s]+)(?:\.([^=\s]+))?\s*=\s*(\S+)\s*$/.exec(spec);
  const bad = () =>
    new Error(
      `"${spec}" is not a rename: write entity.oldField=newField or oldEntity=newEntity (ids: a letter, then letters, digits or _)`,
    );
  if (!m) throw bad();
  const [, first, field, to] = m;
  if (![first, to, ...(field !== undefined ? [field] : [])].every((id) => IDENTIFIER.test(id))) throw bad();
  return field !== undefined ? { entity: first, from: field, to } : { from: first, to };
}
