/**
 * The builder's view of a draft definition. Deliberately loose: a draft may be invalid while
 * being edited (the validator from @tessera/core is the authority), so the editor only relies
 * on the structural keys it navigates by (ids, fields, pages, components).
 */
import type { Label } from '@tessera/core';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Expr = { $expr: string };

export interface DraftField {
  id: string;
  type: string;
  label?: Label;
  [key: string]: unknown;
}

export interface DraftIndex {
  fields: string[];
  unique?: boolean;
}

export interface DraftEntity {
  id: string;
  label: Label;
  fields: DraftField[];
  indexes?: DraftIndex[];
  permissions?: DraftPermission[];
  ownerField?: string;
  [key: string]: unknown;
}

export interface DraftSource {
  kind: string;
  entity?: string;
  filter?: Record<string, unknown>;
  sort?: Array<{ field: string; dir?: 'asc' | 'desc' }>;
  limit?: number;
  [key: string]: unknown;
}

export interface DraftComponent {
  id: string;
  type: string;
  props?: Record<string, unknown>;
  source?: DraftSource;
  children?: DraftComponent[];
  [key: string]: unknown;
}

export interface DraftPage {
  id: string;
  title: Label;
  route: string;
  components: DraftComponent[];
  [key: string]: unknown;
}

export type PermissionAction = string;
export type FieldAccess = 'hidden' | 'readonly';

export interface DraftPermission {
  role: string;
  actions: PermissionAction[];
  rows?: 'own' | 'team' | 'all';
  fields?: Record<string, FieldAccess>;
  [key: string]: unknown;
}

export interface DraftRole {
  id: string;
  label: Label;
  description?: string;
  [key: string]: unknown;
}

export interface DraftNavItem {
  label: Label;
  page?: string;
  icon?: string;
  children?: DraftNavItem[];
  [key: string]: unknown;
}

export interface Draft {
  schemaVersion: number;
  id: string;
  name: string;
  entities: DraftEntity[];
  pages: DraftPage[];
  roles?: DraftRole[];
  navigation?: DraftNavItem[];
  [key: string]: unknown;
}

/** What the editor has selected; drives the right-hand panel and error navigation. */
export type Selection =
  | { kind: 'entity'; entityId: string; fieldId?: string }
  | { kind: 'page'; pageId: string; componentId?: string }
  /** Access screen: a role, and optionally the entity whose permission for that role is open. */
  | { kind: 'access'; roleId?: string; entityId?: string }
  /** Navigation screen: a menu item by its index path (`[1, 0]` = first child of the second item). */
  | { kind: 'navigation'; path?: number[] }
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
