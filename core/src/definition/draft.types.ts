/**
 * A draft definition as it is edited. Deliberately loose: a draft may be invalid while being
 * edited (the validator is the authority), so code over drafts (the builder, the rename
 * rewriting) relies only on the structural keys it navigates by (ids, fields, pages, components).
 */
import type { Label } from '../generated/app-definition';

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
