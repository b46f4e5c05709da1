import type { AppDefinition, Entity } from '@tessera/core';
import type { EntityPermissions, OperationInfo, RuntimeInfo } from '@tessera/core/wire';
import type { Published } from './apps';
import type { Caller, EntityPolicy } from './policy/policy.types';
import { policyFor } from './policy/effective-permissions.policy';

function view(p: EntityPolicy): EntityPermissions {
  return {
    create: p.create,
    read: p.read,
    update: p.update,
    delete: p.delete,
    rows: p.rows.read,
    hidden: [...p.hidden],
    readonly: [...p.readonly],
  };
}

const cache = new WeakMap<AppDefinition, Map<string, { definition: AppDefinition; permissions: Record<string, EntityPermissions> }>>();

/**
 * What the app client needs to start: the published definition as this caller may see it (hidden
 * fields removed from every entity) and the caller's permissions per entity. Cached per
 * definition and role set, like the policies themselves.
 */
export function runtimeInfo(
  published: Published,
  caller: Caller,
  platformRole: string,
  operations: Record<string, Record<string, OperationInfo>> = {},
): RuntimeInfo {
  const { definition } = published;
  const key = caller.bypass ? '*' : caller.roles.join('\u0000');
  let perDef = cache.get(definition);
  if (!perDef) cache.set(definition, (perDef = new Map()));
  let shaped = perDef.get(key);
  if (!shaped) {
    const permissions: Record<string, EntityPermissions> = {};
    const entities: Entity[] = definition.entities.map((entity) => {
      const p = policyFor(definition, entity, caller);
      permissions[entity.id] = view(p);
      return p.hidden.size ? { ...entity, fields: entity.fields.filter((f) => !p.hidden.has(f.id)) } : entity;
    });
    // The browser never calls a connection: members do not get its configuration or credential name.
    const connections = caller.bypass
      ? definition.connections
      : definition.connections.map((c) => ({
          id: c.id,
          connector: c.connector,
          ...(c.label ? { label: c.label } : {}),
          config: {},
          access: {},
          cacheSeconds: 0,
        }));
    shaped = { definition: { ...definition, entities, connections }, permissions };
    if (perDef.size > 1000) perDef.clear();
    perDef.set(key, shaped);
  }
  return {
    app: { id: definition.id, name: definition.name, version: published.version, locales: definition.locales ?? ['en'] },
    definition: shaped.definition,
    // `role` (the platform role) is an addition to the contract: admins/builders may manage members.
    // `roles` and `team` are the app's: a `visible` rule can show a component to managers only.
    user: { ...caller.user, role: platformRole, roles: [...caller.roles], team: caller.team },
    roles: [...caller.roles],
    permissions: shaped.permissions,
    operations,
  };
}
