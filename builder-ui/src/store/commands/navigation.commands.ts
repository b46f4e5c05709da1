/** Commands of the Navigation screen: menu items (label, page, icon), their order and nesting. */
import type { Draft, DraftNavItem } from '../draft.types';
import { insertAt, isPrefix, itemAt, pathAfterRemoval, removeAt, updateAt, type NavPath } from '../nav-tree';
import type { Command } from './command.types';

const withNav = (def: Draft, fn: (items: DraftNavItem[]) => DraftNavItem[]): Draft => ({ ...def, navigation: fn(def.navigation ?? []) });

/** Adds an item at the end of a parent's children (top level without `parentPath`). */
const addNavItem: Command<{ item: DraftNavItem; parentPath?: NavPath; index?: number }> = (def, { item, parentPath = [], index }) => {
  const siblings = parentPath.length ? (itemAt(def.navigation ?? [], parentPath)?.children ?? []) : (def.navigation ?? []);
  const at = Math.min(index ?? siblings.length, siblings.length);
  return { def: withNav(def, (items) => insertAt(items, parentPath, at, item)), select: { kind: 'navigation', path: [...parentPath, at] } };
};

/** Replaces an item's own settings; its children stay. */
const setNavItem: Command<{ path: NavPath; item: DraftNavItem }> = (def, { path, item }) =>
  withNav(def, (items) =>
    updateAt(items, path, (old) => {
      const { children: _c, ...own } = item;
      return old.children ? { ...own, children: old.children } : own;
    }),
  );

const removeNavItem: Command<{ path: NavPath }> = (def, { path }) => ({
  def: withNav(def, (items) => removeAt(items, path)),
  select: { kind: 'navigation' },
});

/**
 * Moves an item (with its children) to `index` among the children of `parentPath`, both given as
 * they are before the move. Moving an item into itself is ignored.
 */
const moveNavItem: Command<{ from: NavPath; parentPath: NavPath; index: number }> = (def, { from, parentPath, index }) => {
  const items = def.navigation ?? [];
  const item = itemAt(items, from);
  if (!item) throw new Error(`menu item ${from.join('.')} not found`);
  if (isPrefix(from, parentPath)) return def;
  const sameParent = parentPath.length === from.length - 1 && isPrefix(parentPath, from);
  // Taking the item out first shifts its later siblings (and what is inside them) up by one.
  const parent = pathAfterRemoval(parentPath, from);
  const removed = removeAt(items, from);
  const siblings = parent.length ? (itemAt(removed, parent)?.children ?? []) : removed;
  const at = Math.min(sameParent && from[from.length - 1] < index ? index - 1 : index, siblings.length);
  if (sameParent && at === from[from.length - 1]) return def;
  return { def: { ...def, navigation: insertAt(removed, parent, at, item) }, select: { kind: 'navigation', path: [...parent, at] } };
};

export const navigationCommands = { addNavItem, setNavItem, removeNavItem, moveNavItem };
