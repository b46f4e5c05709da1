/**
 * Maps validator issues (JSON pointers into the draft) to the things the consultant sees: an
 * entity, a field, a page, a component, a role and its permissions, a menu item — and to the
 * screen that edits it. The pointer is resolved against the same draft that was validated, so
 * ids (not positions) are what the UI keys on.
 */
import type { ValidationIssue } from '@tessera/core';
import { connectionsOf } from './commands/connection.commands';
import type { Draft, DraftComponent, DraftNavItem, Selection } from './draft.types';

/** The editor's screens (left menu). */
export type Screen = 'data' | 'pages' | 'access' | 'navigation' | 'json' | 'versions' | 'connections';

export interface IssueTarget {
  /** Where the issue is fixed. */
  screen: Screen;
  entityId?: string;
  fieldId?: string;
  pageId?: string;
  componentId?: string;
  roleId?: string;
  /** Index path of a menu item. */
  navPath?: number[];
  connectionId?: string;
}

export interface MappedIssue extends ValidationIssue {
  target: IssueTarget;
}

export interface IssueIndex {
  all: MappedIssue[];
  /** Issues of the Data screen, by entity (permission issues belong to the Access screen). */
  byEntity: Map<string, MappedIssue[]>;
  byField: Map<string, MappedIssue[]>;
  byPage: Map<string, MappedIssue[]>;
  byComponent: Map<string, MappedIssue[]>;
  /** A role's own issues and those of its permissions. */
  byRole: Map<string, MappedIssue[]>;
  /** By `permissionKey(entityId, roleId)`. */
  byPermission: Map<string, MappedIssue[]>;
  /** By `navKey(path)`. */
  byNavItem: Map<string, MappedIssue[]>;
}

export const fieldKey = (entityId: string, fieldId: string) => `${entityId}/${fieldId}`;
export const permissionKey = (entityId: string, roleId: string) => `${entityId}/${roleId}`;
export const navKey = (path: number[]) => path.join('.');

export function parsePointer(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const isIndex = (token: string | undefined) => token !== undefined && /^\d+$/.test(token);

function entityTarget(def: Draft, t: string[]): IssueTarget {
  const entity = def.entities?.[Number(t[1])];
  if (!entity) return { screen: 'data' };
  if (t[2] === 'permissions') {
    const permission = entity.permissions?.[Number(t[3])];
    return { screen: 'access', entityId: entity.id, ...(permission ? { roleId: permission.role } : {}) };
  }
  const field = t[2] === 'fields' ? entity.fields?.[Number(t[3])] : undefined;
  return { screen: 'data', entityId: entity.id, ...(field ? { fieldId: field.id } : {}) };
}

function pageTarget(def: Draft, t: string[]): IssueTarget {
  const page = def.pages?.[Number(t[1])];
  if (!page) return { screen: 'pages' };
  let list: DraftComponent[] | undefined = t[2] === 'components' ? page.components : undefined;
  let componentId: string | undefined;
  // Descend components/i(/children/j)* to the deepest component the pointer names.
  for (let i = 3; list && i < t.length; i += 2) {
    const c: DraftComponent | undefined = list[Number(t[i])];
    if (!c) break;
    componentId = c.id;
    list = t[i + 1] === 'children' ? c.children : undefined;
  }
  return { screen: 'pages', pageId: page.id, ...(componentId ? { componentId } : {}) };
}

function navTarget(def: Draft, t: string[]): IssueTarget {
  // navigation/i(/children/j)*: the deepest item the pointer names.
  const path: number[] = [];
  let list: DraftNavItem[] | undefined = def.navigation;
  for (let i = 1; list && isIndex(t[i]) && list[Number(t[i])]; i += 2) {
    path.push(Number(t[i]));
    list = t[i + 1] === 'children' ? list[Number(t[i])].children : undefined;
  }
  return { screen: 'navigation', ...(path.length ? { navPath: path } : {}) };
}

function roleTarget(def: Draft, t: string[]): IssueTarget {
  const role = def.roles?.[Number(t[1])];
  return { screen: 'access', ...(role ? { roleId: role.id } : {}) };
}

function connectionTarget(def: Draft, t: string[]): IssueTarget {
  const connection = connectionsOf(def)[Number(t[1])];
  return { screen: 'connections', ...(connection ? { connectionId: connection.id } : {}) };
}

const TARGETS: Record<string, (def: Draft, t: string[]) => IssueTarget> = {
  entities: entityTarget,
  pages: pageTarget,
  navigation: navTarget,
  roles: roleTarget,
  connections: connectionTarget,
};

export function targetOf(def: Draft, pointer: string): IssueTarget {
  const t = parsePointer(pointer);
  return TARGETS[t[0]]?.(def, t) ?? { screen: 'json' };
}

/** What to select so the issue's screen opens on the thing at fault. */
export function selectionFor(target: IssueTarget): Selection | undefined {
  const { screen, entityId, fieldId, pageId, componentId, roleId, navPath, connectionId } = target;
  if (screen === 'connections') return { kind: 'connection', ...(connectionId ? { connectionId } : {}) };
  if (screen === 'data' && entityId) return { kind: 'entity', entityId, ...(fieldId ? { fieldId } : {}) };
  if (screen === 'pages' && pageId) return { kind: 'page', pageId, ...(componentId ? { componentId } : {}) };
  if (screen === 'access') return { kind: 'access', ...(roleId ? { roleId } : {}), ...(entityId ? { entityId } : {}) };
  if (screen === 'navigation') return { kind: 'navigation', ...(navPath ? { path: navPath } : {}) };
  return undefined;
}

/** "contact › email", "rep › contact", "menu 2.1": where an issue is, for the problems list. */
export function describeTarget(target: IssueTarget): string {
  const { entityId, fieldId, pageId, componentId, roleId, navPath } = target;
  if (target.screen === 'access') return [roleId, entityId].filter(Boolean).join(' › ');
  if (target.screen === 'connections') return target.connectionId ?? 'connections';
  if (target.screen === 'navigation') return navPath ? `menu ${navPath.map((i) => i + 1).join('.')}` : 'menu';
  return [entityId, fieldId, pageId, componentId].filter(Boolean).join(' › ');
}

function push(map: Map<string, MappedIssue[]>, key: string | undefined, issue: MappedIssue) {
  if (!key) return;
  map.set(key, [...(map.get(key) ?? []), issue]);
}

export function indexIssues(def: Draft, issues: ValidationIssue[]): IssueIndex {
  const index: IssueIndex = {
    all: [],
    byEntity: new Map(),
    byField: new Map(),
    byPage: new Map(),
    byComponent: new Map(),
    byRole: new Map(),
    byPermission: new Map(),
    byNavItem: new Map(),
  };
  for (const issue of issues) {
    const mapped: MappedIssue = { ...issue, target: targetOf(def, issue.pointer) };
    const { screen, entityId, fieldId, pageId, componentId, roleId, navPath } = mapped.target;
    index.all.push(mapped);
    if (screen === 'data') {
      push(index.byEntity, entityId, mapped);
      push(index.byField, entityId && fieldId ? fieldKey(entityId, fieldId) : undefined, mapped);
    }
    push(index.byPage, pageId, mapped);
    push(index.byComponent, componentId, mapped);
    push(index.byRole, roleId, mapped);
    push(index.byPermission, entityId && roleId && screen === 'access' ? permissionKey(entityId, roleId) : undefined, mapped);
    push(index.byNavItem, navPath ? navKey(navPath) : undefined, mapped);
  }
  return index;
}

export const emptyIssueIndex = (): IssueIndex => indexIssues({ schemaVersion: 1, id: '', name: '', entities: [], pages: [] }, []);
