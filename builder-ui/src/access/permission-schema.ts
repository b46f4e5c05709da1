/**
 * What a permission can say, read from the Permission schema (core/src/definition/
 * permission.schema.json): its actions, row scopes and field access levels. The Access screen
 * draws its matrix from these lists, so a new action in the schema becomes a new column.
 */
import { allDefs, fieldTypes, type JsonSchema } from '@tessera/core';
import type { DraftEntity, DraftField } from '../store/draft.types';

const permission: JsonSchema = allDefs().Permission;
const props = permission.properties ?? {};

export const ACTIONS = (props.actions?.items?.enum ?? []) as string[];
export const ROW_SCOPES = (props.rows?.enum ?? []) as string[];
export const DEFAULT_ROWS = (props.rows?.default ?? 'all') as string;
export const FIELD_ACCESS = ((props.fields?.additionalProperties as JsonSchema | undefined)?.enum ?? []) as string[];

/** Row scopes that go through the entity's owner field (every scope but the default "all"). */
export const needsOwner = (rows: string | undefined) => (rows ?? DEFAULT_ROWS) !== DEFAULT_ROWS;

/** Fields that can hold the owner: those whose type says so (the validator reads the same flag). */
export const ownerCandidates = (entity: DraftEntity): DraftField[] => entity.fields.filter((f) => fieldTypes.get(f.type)?.owner);

/** A field plainly meant as the owner (`owner`, `ownerId`…), proposed when own/team is chosen first. */
export const likelyOwner = (entity: DraftEntity): string | undefined => ownerCandidates(entity).find((f) => /^owner/i.test(f.id))?.id;

/** setRowScope's arguments: own/team on an entity without an owner field sets the likely one in the same step. */
export function rowScopeArgs(entity: DraftEntity, roleId: string, rows: string) {
  const owner = needsOwner(rows) && !entity.ownerField ? likelyOwner(entity) : undefined;
  return { entityId: entity.id, roleId, rows, ...(owner ? { ownerField: owner } : {}) };
}

/** Declared roles first, then roles only permissions name (they need declaring or removing). */
export function roleIdsOf(roles: Array<{ id: string }>, entities: DraftEntity[]): { declared: string[]; undeclared: string[] } {
  const declared = roles.map((r) => r.id);
  const named = new Set(entities.flatMap((e) => (e.permissions ?? []).map((p) => p.role)));
  return { declared, undeclared: [...named].filter((id) => !declared.includes(id)) };
}
