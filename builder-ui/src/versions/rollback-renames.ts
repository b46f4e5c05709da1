/**
 * The renames that move stored data back when rolling back: the inverse of every version's
 * `migrated` renames newer than the target, newest first, composed into one list from the current
 * version's ids to the target's (the server checks them like a publish's).
 */
import type { VersionInfo } from '../api/apps.api';
import type { Draft } from '../store/draft.types';
import { isFieldEntry, logRename, reconcileRenames, renamesToPublish, type RenameEntry } from '@tessera/core/renames';

/** Only what still applies: the old id is in the current version, the new one in the target (a field deleted since is left out). */
export function applicableRollbackRenames(
  versions: VersionInfo[],
  target: { version: number; definition: Draft },
  current: Draft,
): RenameEntry[] {
  return renamesToPublish(reconcileRenames(rollbackRenames(versions, target.version), target.definition), current);
}

export function rollbackRenames(versions: VersionInfo[], target: number): RenameEntry[] {
  let log: RenameEntry[] = [];
  const newer = versions.filter((v) => v.version > target).sort((a, b) => b.version - a.version);
  for (const { migrated } of newer) {
    // A version moved entities first, then fields (named by the new entity id): undo in reverse.
    for (const f of migrated?.fields ?? []) log = logRename(log, { kind: 'field', entity: f.entity, from: f.to, to: f.from });
    for (const e of migrated?.entities ?? []) log = logRename(log, { kind: 'entity', from: e.to, to: e.from });
  }
  const entities = log.filter((r) => !('entity' in r));
  return [...entities, ...log.filter((r) => 'entity' in r)];
}

/** A log read backwards: its new ids to its old ones (field entries named by the entity's id on the new side, as the log names them). */
export function invertRenames(log: readonly RenameEntry[]): RenameEntry[] {
  let out: RenameEntry[] = [];
  for (const f of log.filter(isFieldEntry)) out = logRename(out, { kind: 'field', entity: f.entity, from: f.to, to: f.from });
  for (const e of log.filter((r) => !isFieldEntry(r))) out = logRename(out, { kind: 'entity', from: e.to, to: e.from });
  return entitiesFirst(out);
}

/** The renames the versions after `from` up to `to` migrated, composed; read backwards when `to` is older. */
export function renamesBetween(versions: VersionInfo[], from: number, to: number): RenameEntry[] {
  if (from > to) return invertRenames(renamesBetween(versions, to, from));
  let log: RenameEntry[] = [];
  const between = versions.filter((v) => v.version > from && v.version <= to).sort((a, b) => a.version - b.version);
  for (const { migrated } of between) {
    // A publish moves entities first, then fields named by the new entity id.
    for (const e of migrated?.entities ?? []) log = logRename(log, { kind: 'entity', from: e.from, to: e.to });
    for (const f of migrated?.fields ?? []) log = logRename(log, { kind: 'field', entity: f.entity, from: f.from, to: f.to });
  }
  return entitiesFirst(log);
}

/** The order the server applies renames in (and rollbackRenames returns). */
const entitiesFirst = (log: RenameEntry[]) => [...log.filter((r) => !isFieldEntry(r)), ...log.filter(isFieldEntry)];
