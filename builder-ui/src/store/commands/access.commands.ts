/**
 * Commands of the Access screen: roles, and each role's permission on each entity (actions, row
 * scope, per-field hidden/read-only). A role has at most one permission entry per entity here;
 * an entity without an entry for a role is closed to it.
 */
import type { Draft, DraftEntity, DraftPermission, FieldAccess } from '../draft.types';
import { uniqueId } from '../ids';
import { applyPatch, replaceWhere, withEntity, type Command } from './command.types';

export const permissionOf = (entity: DraftEntity | undefined, roleId: string): DraftPermission | undefined =>
  entity?.permissions?.find((p) => p.role === roleId);

/** Replaces (or with `null` removes) the role's permission entry on an entity. */
function withPermission(
  def: Draft,
  entityId: string,
  roleId: string,
  fn: (p: DraftPermission | undefined) => DraftPermission | null,
): Draft {
  return withEntity(def, entityId, (e) => {
    const list = e.permissions ?? [];
    const at = list.findIndex((p) => p.role === roleId);
    const next = fn(at >= 0 ? list[at] : undefined);
    const permissions =
      next === null ? list.filter((_, i) => i !== at) : at >= 0 ? list.map((p, i) => (i === at ? next : p)) : [...list, next];
    return { ...e, permissions };
  });
}

function existing(p: DraftPermission | undefined, entityId: string, roleId: string): DraftPermission {
  if (!p) throw new Error(`role "${roleId}" has no access to "${entityId}" yet: give it an action first`);
  return p;
}

const addRole: Command<{ label: string; id?: string }> = (def, { label, id }) => {
  const roleId =
    id ??
    uniqueId(
      label,
      (def.roles ?? []).map((r) => r.id),
    );
  return { def: { ...def, roles: [...(def.roles ?? []), { id: roleId, label }] }, select: { kind: 'access', roleId } };
};

/** Label and description; the id changes only through renameRole, which follows references. */
const updateRole: Command<{ roleId: string; patch: Record<string, unknown> }> = (def, { roleId, patch }) => {
  const { id: _id, ...rest } = patch;
  return {
    ...def,
    roles: replaceWhere(
      def.roles ?? [],
      (r) => r.id === roleId,
      (r) => applyPatch(r, rest),
      `role "${roleId}"`,
    ),
  };
};

/** Removes the role and every permission entry that names it (also for a role only permissions name). */
const removeRole: Command<{ roleId: string }> = (def, { roleId }) => ({
  def: {
    ...def,
    roles: (def.roles ?? []).filter((r) => r.id !== roleId),
    entities: (def.entities ?? []).map((e) =>
      e.permissions?.some((p) => p.role === roleId) ? { ...e, permissions: e.permissions.filter((p) => p.role !== roleId) } : e,
    ),
  },
  select: { kind: 'access' },
});

/** No actions left closes the entity to the role (the schema needs at least one action). */
const setPermissionActions: Command<{ entityId: string; roleId: string; actions: string[] }> = (def, { entityId, roleId, actions }) =>
  withPermission(def, entityId, roleId, (p) => (actions.length ? { ...(p ?? { role: roleId }), actions } : null));

/** Row scope; own/team need the entity's owner field, which may be set in the same step. */
const setRowScope: Command<{ entityId: string; roleId: string; rows: string; ownerField?: string }> = (
  def,
  { entityId, roleId, rows, ownerField },
) => {
  const next = withPermission(def, entityId, roleId, (p) => ({ ...existing(p, entityId, roleId), rows: rows as DraftPermission['rows'] }));
  return ownerField === undefined ? next : withEntity(next, entityId, (e) => ({ ...e, ownerField }));
};

const setOwnerField: Command<{ entityId: string; ownerField: string | undefined }> = (def, { entityId, ownerField }) =>
  withEntity(def, entityId, (e) => applyPatch(e, { ownerField }));

/** `null` makes the field plain (visible and writable as the actions allow). */
const setFieldAccess: Command<{ entityId: string; roleId: string; fieldId: string; access: FieldAccess | null }> = (
  def,
  { entityId, roleId, fieldId, access },
) =>
  withPermission(def, entityId, roleId, (current) => {
    const p = existing(current, entityId, roleId);
    const fields = { ...(p.fields ?? {}) };
    if (access) fields[fieldId] = access;
    else delete fields[fieldId];
    const { fields: _old, ...rest } = p;
    return Object.keys(fields).length ? { ...rest, fields } : rest;
  });

export const accessCommands = { addRole, updateRole, removeRole, setPermissionActions, setRowScope, setOwnerField, setFieldAccess };
