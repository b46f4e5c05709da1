/** Commands of the page designer: pages and the component tree. */
import { componentTypes } from '@tessera/core';
import {
  allComponentIds,
  findComponent,
  insertIntoTree,
  isWithin,
  locate,
  mapComponent,
  pageOfComponent,
  removeFromTree,
  walkComponents,
} from '../component-tree';
import type { Draft, DraftComponent, DraftPage, DraftSource } from '../draft.types';
import { toIdentifier, uniqueId } from '../ids';
import { applyPatch, replaceWhere, type Command } from './command.types';
import { renameCommands } from './rename.commands';
import { rebind, smartScaffold } from './scaffold';

const withPage = (def: Draft, pageId: string, fn: (p: DraftPage) => DraftPage): Draft => ({
  ...def,
  pages: replaceWhere(def.pages ?? [], (p) => p.id === pageId, fn, `page "${pageId}"`),
});

const withComponent = (def: Draft, componentId: string, fn: (c: DraftComponent) => DraftComponent): Draft => {
  const page = pageOfComponent(def, componentId);
  if (!page) throw new Error(`component "${componentId}" not found`);
  return withPage(def, page.id, (p) => ({ ...p, components: mapComponent(p.components, componentId, fn) }));
};

/** Tabs show one child per `props.tabs` entry; keep the two lists the same length. */
function syncTabs(list: DraftComponent[], parentId: string | null): DraftComponent[] {
  if (!parentId) return list;
  return mapComponent(list, parentId, (p) => {
    if (p.type !== 'tabs') return p;
    const n = p.children?.length ?? 0;
    const tabs = [...((p.props?.tabs as Array<{ label: unknown }>) ?? [])].slice(0, Math.max(n, 1));
    while (tabs.length < n) tabs.push({ label: `Tab ${tabs.length + 1}` });
    return { ...p, props: { ...p.props, tabs } };
  });
}

const addPage: Command<{ title: string }> = (def, { title }) => {
  const id = uniqueId(
    title,
    (def.pages ?? []).map((p) => p.id),
  );
  const slug = toIdentifier(title, 'page')
    .replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
    .replace(/_/g, '-');
  const routes = new Set((def.pages ?? []).map((p) => p.route));
  let route = `/${slug}`;
  for (let n = 2; routes.has(route); n++) route = `/${slug}-${n}`;
  const page: DraftPage = { id, title, route, components: [] };
  return { def: { ...def, pages: [...(def.pages ?? []), page] }, select: { kind: 'page', pageId: id } };
};

/** A new id is a rename (renamePage): menu items and page links follow. */
const updatePage: Command<{ pageId: string; patch: Record<string, unknown> }> = (def, { pageId, patch }) => {
  const { id: newId, ...rest } = patch;
  const next = withPage(def, pageId, (p) => applyPatch(p, rest));
  if (typeof newId !== 'string' || newId === pageId) return next;
  return renameCommands.renamePage(next, { pageId, id: newId });
};

const removePage: Command<{ pageId: string }> = (def, { pageId }) => ({
  def: { ...def, pages: (def.pages ?? []).filter((p) => p.id !== pageId) },
  select: null,
});

/**
 * The entity a new component at this place is most likely about: the nearest container bound to
 * one (a card showing a record), else the entity most of the page's components show.
 */
export function contextEntity(def: Draft, pageId: string, parentId: string | null | undefined): string | undefined {
  const page = (def.pages ?? []).find((p) => p.id === pageId);
  if (!page) return undefined;
  for (let id = parentId ?? null; id; id = locate(page.components, id)?.parentId ?? null) {
    const entity = findComponent(page.components, id)?.source?.entity;
    if (entity) return entity;
  }
  const counts = new Map<string, number>();
  walkComponents(page.components, (c) => {
    if (c.source?.kind === 'entity' && c.source.entity) counts.set(c.source.entity, (counts.get(c.source.entity) ?? 0) + 1);
  });
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export interface AddComponentArgs {
  pageId: string;
  type: string;
  parentId?: string | null;
  index?: number;
  /** The entity a data component shows; without it, the place's context entity (or none). */
  entityId?: string;
}

/** Drops a new component of `type` (its registry scaffold, with ids) at a place in a page's tree. */
const addComponent: Command<AddComponentArgs> = (def, args) => {
  const descriptor = componentTypes.get(args.type);
  if (!descriptor) throw new Error(`unknown component type "${args.type}"`);
  const page = (def.pages ?? []).find((p) => p.id === args.pageId);
  if (!page) throw new Error(`page "${args.pageId}" not found`);
  if (args.entityId && !(def.entities ?? []).some((e) => e.id === args.entityId)) throw new Error(`entity "${args.entityId}" not found`);
  const component = smartScaffold(def, descriptor, allComponentIds(def), args.entityId ?? contextEntity(def, page.id, args.parentId));
  const parentId = args.parentId ?? null;
  if (parentId && !componentTypes.get(findComponent(page.components, parentId)?.type ?? '')?.acceptsChildren) {
    throw new Error(`component "${parentId}" does not take children`);
  }
  const index = args.index ?? Number.MAX_SAFE_INTEGER;
  const next = withPage(def, page.id, (p) => ({
    ...p,
    components: syncTabs(insertIntoTree(p.components, component, { parentId, index }), parentId),
  }));
  return { def: next, select: { kind: 'page', pageId: page.id, componentId: component.id } };
};

/** Moves a component to another place in the same page (reorder, or in/out of a container). */
const moveComponent: Command<{ componentId: string; parentId: string | null; index: number }> = (def, { componentId, parentId, index }) => {
  const page = pageOfComponent(def, componentId);
  if (!page) throw new Error(`component "${componentId}" not found`);
  if (parentId && isWithin(page.components, componentId, parentId)) return def; // not into itself
  const from = locate(page.components, componentId)!;
  const { list, removed } = removeFromTree(page.components, componentId);
  // Removing first shifts later siblings of the same parent one place up.
  const target = from.parentId === parentId && from.index < index ? index - 1 : index;
  let components = insertIntoTree(list, removed!, { parentId, index: target });
  components = syncTabs(syncTabs(components, from.parentId), parentId);
  return withPage(def, page.id, (p) => ({ ...p, components }));
};

const removeComponent: Command<{ componentId: string }> = (def, { componentId }) => {
  const page = pageOfComponent(def, componentId);
  if (!page) throw new Error(`component "${componentId}" not found`);
  const from = locate(page.components, componentId)!;
  const components = syncTabs(removeFromTree(page.components, componentId).list, from.parentId);
  return { def: withPage(def, page.id, (p) => ({ ...p, components })), select: { kind: 'page', pageId: page.id } };
};

const setProp: Command<{ componentId: string; key: string; value: unknown }> = (def, { componentId, key, value }) =>
  withComponent(def, componentId, (c) => ({ ...c, props: applyPatch(c.props ?? {}, { [key]: value }) }));

const setProps: Command<{ componentId: string; props: Record<string, unknown> }> = (def, { componentId, props }) =>
  withComponent(def, componentId, (c) => ({ ...c, props }));

const setSource: Command<{ componentId: string; source: DraftSource | undefined }> = (def, { componentId, source }) =>
  withComponent(def, componentId, (c) => applyPatch(c, { source }));

/** Binds a data component to an entity (filter and sort reset; stale field lists refilled). */
const bindEntity: Command<{ componentId: string; entityId: string }> = (def, { componentId, entityId }) => {
  const entity = (def.entities ?? []).find((e) => e.id === entityId);
  if (!entity) throw new Error(`entity "${entityId}" not found`);
  return withComponent(def, componentId, (c) => {
    const d = componentTypes.get(c.type);
    return d ? rebind(c, d, entity) : c;
  });
};

export const pageCommands = {
  addPage,
  updatePage,
  removePage,
  addComponent,
  moveComponent,
  removeComponent,
  setProp,
  setProps,
  setSource,
  bindEntity,
};
