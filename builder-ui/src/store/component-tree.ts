/**
 * Pure helpers over a page's component tree. Every function returns new arrays and leaves the
 * input untouched, so commands can compose them and zundo can keep old states by reference.
 */
import type { DraftComponent, DraftPage, Draft } from './draft.types';

// The walks over all pages are shared with the rename rewriting in @tessera/core.
export { allComponentIds, mapAllComponents, walkComponents } from '@tessera/core';

/** Where a component sits: the parent's id (null = page root) and the index among its siblings. */
export interface TreeLocation {
  parentId: string | null;
  index: number;
}

export function findComponent(list: DraftComponent[], id: string): DraftComponent | undefined {
  for (const c of list) {
    if (c.id === id) return c;
    const hit = c.children ? findComponent(c.children, id) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

export function locate(list: DraftComponent[], id: string, parentId: string | null = null): TreeLocation | undefined {
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c.id === id) return { parentId, index: i };
    const hit = c.children ? locate(c.children, id, c.id) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/** Applies `fn` to the component with `id`; components on the path are copied, others shared. */
export function mapComponent(list: DraftComponent[], id: string, fn: (c: DraftComponent) => DraftComponent): DraftComponent[] {
  let changed = false;
  const next = list.map((c) => {
    if (c.id === id) {
      changed = true;
      return fn(c);
    }
    if (!c.children) return c;
    const children = mapComponent(c.children, id, fn);
    if (children === c.children) return c;
    changed = true;
    return { ...c, children };
  });
  return changed ? next : list;
}

export function removeFromTree(list: DraftComponent[], id: string): { list: DraftComponent[]; removed?: DraftComponent } {
  const index = list.findIndex((c) => c.id === id);
  if (index >= 0) return { list: [...list.slice(0, index), ...list.slice(index + 1)], removed: list[index] };
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (!c.children) continue;
    const r = removeFromTree(c.children, id);
    if (r.removed) return { list: list.map((x, j) => (j === i ? { ...c, children: r.list } : x)), removed: r.removed };
  }
  return { list };
}

export function insertIntoTree(list: DraftComponent[], component: DraftComponent, at: TreeLocation): DraftComponent[] {
  const put = (siblings: DraftComponent[]) => {
    const i = Math.max(0, Math.min(at.index, siblings.length));
    return [...siblings.slice(0, i), component, ...siblings.slice(i)];
  };
  if (at.parentId === null) return put(list);
  return mapComponent(list, at.parentId, (p) => ({ ...p, children: put(p.children ?? []) }));
}

/** True when `id` is `ancestorId` or nested inside it (a container cannot move into itself). */
export function isWithin(list: DraftComponent[], ancestorId: string, id: string): boolean {
  const ancestor = findComponent(list, ancestorId);
  return !!ancestor && (ancestor.id === id || !!findComponent(ancestor.children ?? [], id));
}

export function pageOfComponent(def: Draft, id: string): DraftPage | undefined {
  return (def.pages ?? []).find((p) => !!findComponent(p.components ?? [], id));
}
