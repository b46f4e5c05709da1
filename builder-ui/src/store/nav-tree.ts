/**
 * Pure helpers over the menu (navigation items nested through `children`). An item is addressed
 * by its index path: `[1, 0]` is the first child of the second top-level item.
 */
import type { DraftNavItem } from './draft.types';

export type NavPath = number[];

export function itemAt(items: DraftNavItem[], path: NavPath): DraftNavItem | undefined {
  let list: DraftNavItem[] | undefined = items;
  let item: DraftNavItem | undefined;
  for (const i of path) {
    item = list?.[i];
    list = item?.children;
  }
  return path.length ? item : undefined;
}

/** The list a path's last index points into, replaced by `fn` (parents on the way are copied). */
export function mapSiblings(items: DraftNavItem[], parentPath: NavPath, fn: (list: DraftNavItem[]) => DraftNavItem[]): DraftNavItem[] {
  if (!parentPath.length) return fn(items);
  const [i, ...rest] = parentPath;
  const parent = items[i];
  if (!parent) throw new Error(`menu item ${parentPath.join('.')} not found`);
  const children = mapSiblings(parent.children ?? [], rest, fn);
  const { children: _old, ...own } = parent;
  const next: DraftNavItem = children.length ? { ...own, children } : own;
  return items.map((x, j) => (j === i ? next : x));
}

export function updateAt(items: DraftNavItem[], path: NavPath, fn: (item: DraftNavItem) => DraftNavItem): DraftNavItem[] {
  const last = path[path.length - 1];
  return mapSiblings(items, path.slice(0, -1), (list) => {
    if (!list[last]) throw new Error(`menu item ${path.join('.')} not found`);
    return list.map((x, j) => (j === last ? fn(x) : x));
  });
}

export function removeAt(items: DraftNavItem[], path: NavPath): DraftNavItem[] {
  const last = path[path.length - 1];
  return mapSiblings(items, path.slice(0, -1), (list) => list.filter((_, j) => j !== last));
}

export function insertAt(items: DraftNavItem[], parentPath: NavPath, index: number, item: DraftNavItem): DraftNavItem[] {
  return mapSiblings(items, parentPath, (list) => {
    const i = Math.max(0, Math.min(index, list.length));
    return [...list.slice(0, i), item, ...list.slice(i)];
  });
}

export const isPrefix = (prefix: NavPath, path: NavPath) => prefix.length <= path.length && prefix.every((x, i) => path[i] === x);

/**
 * Where a path ends up once the item at `removed` is taken out: a later sibling of `removed` (or
 * anything inside one) moves up by one.
 */
export function pathAfterRemoval(path: NavPath, removed: NavPath): NavPath {
  const depth = removed.length - 1;
  if (path.length <= depth || !isPrefix(removed.slice(0, -1), path) || path[depth] <= removed[depth]) return path;
  return path.map((x, i) => (i === depth ? x - 1 : x));
}

/** Every item's path, depth first (for lists and lookups). */
export function allPaths(items: DraftNavItem[], base: NavPath = []): NavPath[] {
  return items.flatMap((item, i) => [[...base, i], ...allPaths(item.children ?? [], [...base, i])]);
}
