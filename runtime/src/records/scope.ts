import type { AppDefinition, Entity } from '@tessera/core';
import type { Collection } from '@tessera/core/store';
import { Forbidden } from '../domain-errors';
import type { Action, Caller, EntityPolicy } from '../platform/policy/policy.types';
import { policyFor } from '../platform/policy/effective-permissions.policy';
import { inScope, rowScopeFilter } from '../platform/policy/row-scope.policy';
import type { RollupScope } from './enrichment';
import type { Readable } from './relation-checks';

export interface Target {
  definition: AppDefinition;
  entity: Entity;
  collection: Collection;
}

/** One caller working on one entity: resolved once per request, passed to every method. */
export interface RecordScope {
  appId: string;
  target: Target;
  policy: EntityPolicy;
  caller: Caller;
}

/** What the caller may read, for relation checks (see checkRelations). */
export function readableBy(s: RecordScope): Readable {
  return (entityId, doc) => {
    const target = s.target.definition.entities.find((e) => e.id === entityId);
    if (!target) return false;
    const perm = policyFor(s.target.definition, target, s.caller);
    return perm.read && inScope(doc, perm, s.caller);
  };
}

/** The reader's rows of each rolled-up entity (none at all where they may not read it: the rollup is hidden then anyway). */
export function rollupScope(s: RecordScope): RollupScope | undefined {
  if (s.caller.bypass) return undefined;
  return (entityId) => {
    const target = s.target.definition.entities.find((e) => e.id === entityId);
    if (!target) return { id: { $in: [] } };
    const perm = policyFor(s.target.definition, target, s.caller);
    return perm.read ? rowScopeFilter(perm, s.caller, target, s.caller.teamOwners) : { id: { $in: [] } };
  };
}

/** The caller's role may do this to the entity's records at all. */
export function allow(s: RecordScope, action: Action): void {
  if (!s.policy[action]) throw new Forbidden(`your role may not ${action} ${s.target.entity.id} records`);
}
