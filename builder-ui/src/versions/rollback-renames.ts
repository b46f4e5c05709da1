/**
 * The renames that move stored data back when rolling back: the inverse of every version's
 * `migrated` renames newer than the target, newest first, composed into one list from the current
 * version's ids to the target's (the server checks them like a publish's).
 */
import type { VersionInfo } from '../api/apps.api';
import type { Draft } from '../store/draft.types';
import { logRename, reconcileRenames, renamesToPublish, type RenameEntry } from '@tessera/core/renames';

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
