import type { AppDefinition, Entity } from '@tessera/core';
import type { Action, Caller, EntityPolicy, RowScope } from './policy.types';
import { WIDTH } from './policy.types';
import { derivedHidden } from './derived-hidden.policy';

const ACTIONS: Action[] = ['create', 'read', 'update', 'delete'];
const NONE: ReadonlySet<string> = new Set();

/**
 * Cached per entity object and role set: a published definition is immutable and a new publish
 * brings new entity objects, so the WeakMap never serves a stale policy and needs no eviction.
 * This keeps the per-request cost of the policy at one Map lookup.
 */
const cache = new WeakMap<Entity, Map<string, EntityPolicy>>();
const bypassCache = new WeakMap<Entity, EntityPolicy>();

/** Platform admins and builders: everything, nothing hidden. */
export function fullAccess(entity: Entity): EntityPolicy {
  let p = bypassCache.get(entity);
  if (!p) {
    p = {
      create: true,
      read: true,
      update: true,
      delete: true,
      rows: { create: 'all', read: 'all', update: 'all', delete: 'all' },
      hidden: NONE,
      liveHidden: NONE,
      readonly: NONE,
      ownerField: entity.ownerField,
      bypass: true,
    };
    bypassCache.set(entity, p);
  }
  return p;
}

/**
 * Combines the entity's permission entries of the caller's roles: union of actions, widest rows
 * per action, and a field stays hidden only if every role granting read hides it (read-only only
 * if no role granting create/update may write it). Computed fields and rollups that would reveal
 * a hidden field are hidden too (derived-hidden.policy.ts); rollups look at the entities they
 * aggregate, hence the definition.
 */
export function effectivePermissions(definition: AppDefinition | null, entity: Entity, roles: readonly string[]): EntityPolicy {
  const key = roles.join('\u0000');
  let perEntity = cache.get(entity);
  if (!perEntity) cache.set(entity, (perEntity = new Map()));
  let policy = perEntity.get(key);
  if (!policy) {
    policy = compute(definition, entity, roles);
    if (perEntity.size > 1000) perEntity.clear();
    perEntity.set(key, policy);
  }
  return policy;
}

/** Read access and the fields the roles' own entries hide, with no derived fields (what a rollup over this entity may use). */
function readRules(entity: Entity, roles: readonly string[]): { read: boolean; hidden: Set<string> } {
  const readers = (entity.permissions ?? []).filter((p) => roles.includes(p.role) && p.actions.includes('read'));
  const hidden = new Set<string>();
  for (const field of entity.fields)
    if (readers.length > 0 && readers.every((p) => p.fields?.[field.id] === 'hidden')) hidden.add(field.id);
  return { read: readers.length > 0, hidden };
}

/** The widest read scope the roles have on an entity (no derived fields: rollups may run both ways between two entities). */
function readRows(entity: Entity, roles: readonly string[]): RowScope {
  let widest: RowScope | null = null;
  for (const p of entity.permissions ?? []) {
    if (roles.includes(p.role) && p.actions.includes('read') && (widest === null || WIDTH[p.rows ?? 'all'] > WIDTH[widest]))
      widest = p.rows ?? 'all';
  }
  return widest ?? 'own';
}

/** Rollups over an entity of which the roles read only some rows, and what reads them (see EntityPolicy.liveHidden). */
function partialRollups(
  definition: AppDefinition | null,
  entity: Entity,
  hidden: ReadonlySet<string>,
  roles: readonly string[],
): Set<string> {
  const partial = new Set<string>();
  for (const f of entity.fields) {
    if (f.type !== 'rollup' || hidden.has(f.id)) continue;
    const target = definition?.entities.find((e) => e.id === f.entity);
    if (!target || readRows(target, roles) !== 'all') partial.add(f.id);
  }
  if (partial.size === 0) return partial;
  const withPartial = new Set([...hidden, ...partial]);
  for (const id of derivedHidden(definition, entity, withPartial, (e) => readRules(e, roles))) if (!hidden.has(id)) partial.add(id);
  return partial;
}

function compute(definition: AppDefinition | null, entity: Entity, roles: readonly string[]): EntityPolicy {
  const entries = (entity.permissions ?? []).filter((p) => roles.includes(p.role));
  const allowed = (a: Action) => entries.some((p) => p.actions.includes(a));
  const rows = {} as Record<Action, RowScope>;
  for (const action of ACTIONS) {
    let widest: RowScope = 'own';
    for (const p of entries) if (p.actions.includes(action) && WIDTH[p.rows ?? 'all'] > WIDTH[widest]) widest = p.rows ?? 'all';
    rows[action] = widest;
  }
  const writers = entries.filter((p) => p.actions.includes('create') || p.actions.includes('update'));
  const { hidden } = readRules(entity, roles);
  for (const id of derivedHidden(definition, entity, hidden, (e) => readRules(e, roles))) hidden.add(id);
  const readonly = new Set<string>();
  for (const field of entity.fields) {
    const writable = writers.some((p) => p.fields?.[field.id] === undefined);
    if (!hidden.has(field.id) && !writable) readonly.add(field.id);
  }
  return {
    create: allowed('create'),
    read: allowed('read'),
    update: allowed('update'),
    delete: allowed('delete'),
    rows,
    hidden,
    liveHidden: new Set([...hidden, ...partialRollups(definition, entity, hidden, roles)]),
    readonly,
    ownerField: entity.ownerField,
    bypass: false,
  };
}

/** The policy of one caller for one entity: full access for platform admins/builders. */
export function policyFor(definition: AppDefinition, entity: Entity, caller: Caller): EntityPolicy {
  return caller.bypass ? fullAccess(entity) : effectivePermissions(definition, entity, caller.roles);
}
