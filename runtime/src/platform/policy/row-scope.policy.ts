import type { Entity } from '@tessera/core';
import type { Filter } from '@tessera/core/store';
import { matchesFilter } from '@tessera/core/query';
import type { Action, Caller, EntityPolicy } from './policy.types';

/**
 * The owner values a caller may act on, or null when every row is allowed. The owner field holds
 * the owner's email; a caller without a team is a team of one. "Own" is a single value on
 * purpose: an equality lets an index on (owner, sort field) serve the page in order, where an
 * `$in` of two values made SQLite read and sort every row the caller owns.
 */
export function allowedOwners(
  perm: EntityPolicy,
  caller: Caller,
  action: Action = 'read',
  teamEmails: readonly string[] = caller.teamOwners,
): string[] | null {
  const scope = perm.rows[action];
  if (perm.bypass || scope === 'all') return null;
  if (scope === 'team' && caller.team !== null && teamEmails.length) return [...teamEmails];
  return [caller.user.email];
}

/** A filter to AND into every query of this entity (undefined: no restriction). */
export function rowScopeFilter(
  perm: EntityPolicy,
  caller: Caller,
  entity: Entity,
  teamEmails: readonly string[] = caller.teamOwners,
  action: Action = 'read',
): Filter | undefined {
  const owners = allowedOwners(perm, caller, action, teamEmails);
  return owners ? ownersFilter(entity.ownerField, owners) : undefined;
}

function ownersFilter(ownerField: string | undefined, owners: string[]): Filter {
  // Without an owner field nothing can be "own": the definition validator requires one, this is the safe fallback.
  if (!ownerField) return { id: { $in: [] } };
  return { [ownerField]: owners.length === 1 ? owners[0] : { $in: owners } };
}

/** Whether one record is inside the caller's scope for an action: the row-scope filter, matched as the store would. */
export function inScope(record: Record<string, unknown>, perm: EntityPolicy, caller: Caller, action: Action = 'read'): boolean {
  const owners = allowedOwners(perm, caller, action);
  return !owners || matchesFilter(record, ownersFilter(perm.ownerField, owners));
}

/** ANDs two optional filters without nesting when one is absent. */
export function andFilters(a: Filter | undefined, b: Filter | undefined): Filter | undefined {
  if (!a || !Object.keys(a).length) return b;
  if (!b) return a;
  return { $and: [a, b] };
}
