/**
 * The builder's view of a draft definition: the loose draft types of @tessera/core (a draft may
 * be invalid while being edited), plus what the editor has selected.
 */
export type {
  Draft,
  DraftComponent,
  DraftEntity,
  DraftExpr as Expr,
  DraftField,
  DraftIndex,
  DraftJson as Json,
  DraftNavItem,
  DraftPage,
  DraftPermission,
  DraftRole,
  DraftSource,
  DraftFieldAccess as FieldAccess,
  DraftPermissionAction as PermissionAction,
} from '@tessera/core';

/** What the editor has selected; drives the right-hand panel and error navigation. */
export type Selection =
  | { kind: 'entity'; entityId: string; fieldId?: string }
  | { kind: 'page'; pageId: string; componentId?: string }
  /** Access screen: a role, and optionally the entity whose permission for that role is open. */
  | { kind: 'access'; roleId?: string; entityId?: string }
  /** Navigation screen: a menu item by its index path (`[1, 0]` = first child of the second item). */
  | { kind: 'navigation'; path?: number[] }
  /** Connections screen: a connection by id. */
  | { kind: 'connection'; connectionId?: string }
  | null;

/** A label in the UI language, falling back to English, then to any locale, then to the id. */
export function labelText(label: unknown, lang = 'en', fallback = ''): string {
  if (typeof label === 'string') return label || fallback;
  if (label && typeof label === 'object') {
    const map = label as Record<string, string>;
    return map[lang] ?? map.en ?? Object.values(map)[0] ?? fallback;
  }
  return fallback;
}
