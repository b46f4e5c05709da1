import type { Caller } from '../policy/policy.types';
import { inScope } from '../policy/row-scope.policy';
import { visibleRecord } from '../policy/visible-record.policy';
import { policyFor } from '../policy/effective-permissions.policy';
import type { Entity } from '@tessera/core';
import { diffFields } from '../audit/audit-diff';
import type { Change, RecordChange } from './change-feed.port';

export interface LiveMessage {
  event: 'change' | 'published' | 'reset';
  id: number;
  data: Record<string, unknown>;
}

/**
 * What one subscriber receives for one change, or null. Read permission, row scope and hidden
 * fields are applied with the definition the change was written under. An update that moves a
 * record out of the subscriber's rows arrives as `deleted` (it left their view); one that moves it
 * in arrives as `updated` with the record. A `reset` (the feed lost history) goes to everyone: reload.
 */
export function messageFor(change: Change, caller: Caller, entities: ReadonlySet<string> | null): LiveMessage | null {
  if (change.kind === 'published') return { event: 'published', id: change.seq, data: { version: change.version } };
  if (change.kind === 'reset') return { event: 'reset', id: change.seq, data: {} };
  if (entities && !entities.has(change.entity)) return null;
  const entity = change.definition.entities.find((e) => e.id === change.entity);
  if (!entity) return null;
  const perm = policyFor(change.definition, entity, caller);
  if (!perm.read) return null;
  const base = { entity: change.entity, id: change.id, version: change.version };
  if (change.type === 'deleted') {
    return inScope(change.record, perm, caller) ? { event: 'change', id: change.seq, data: { type: 'deleted', ...base } } : null;
  }
  if (inScope(change.record, perm, caller)) {
    // An update of fields this subscriber cannot see is not news to them (fields derived from
    // hidden ones are hidden too, so nothing they can see changed).
    if (
      change.type === 'updated' &&
      change.before &&
      inScope(change.before, perm, caller) &&
      onlyHiddenChanged(entity, change, perm.hidden)
    )
      return null;
    // Rollups the subscriber sees over only their own rows were computed for someone else here:
    // left out, and named, so an open list keeps the value it read (its own scope) for them.
    const omitted =
      perm.liveHidden.size > perm.hidden.size ? [...perm.liveHidden].filter((f) => !perm.hidden.has(f) && f in change.record) : [];
    const record = visibleRecord(change.record, { hidden: perm.liveHidden });
    return { event: 'change', id: change.seq, data: { type: change.type, ...base, record, ...(omitted.length ? { omitted } : {}) } };
  }
  if (change.before && inScope(change.before, perm, caller)) return { event: 'change', id: change.seq, data: { type: 'deleted', ...base } };
  return null;
}

function onlyHiddenChanged(entity: Entity, change: RecordChange, hidden: ReadonlySet<string>): boolean {
  if (hidden.size === 0) return false; // most subscribers see every field: no diff per event for them
  const changed = diffFields(entity, change.before!, change.record);
  return changed.length > 0 && changed.every((c) => hidden.has(c.field));
}

/** One SSE frame. Data is one line of JSON (JSON.stringify never emits raw newlines). */
export function frame(m: LiveMessage): string {
  return `id: ${m.id}\nevent: ${m.event}\ndata: ${JSON.stringify(m.data)}\n\n`;
}
