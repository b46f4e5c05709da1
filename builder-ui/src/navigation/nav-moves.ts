/**
 * The toolbar's moves (up, down, indent, outdent) and a tree drop, as arguments of the
 * moveNavItem command: target parent and index, both as they are before the move.
 */
import type { DraftNavItem } from '../store/draft.types';
import { itemAt, type NavPath } from '../store/nav-tree';

export interface Move {
  from: NavPath;
  parentPath: NavPath;
  index: number;
}

const siblingsOf = (items: DraftNavItem[], parent: NavPath) => (parent.length ? (itemAt(items, parent)?.children ?? []) : items);

export function moveFor(items: DraftNavItem[], path: NavPath, how: 'up' | 'down' | 'indent' | 'outdent'): Move | undefined {
  const parent = path.slice(0, -1);
  const i = path[path.length - 1];
  const count = siblingsOf(items, parent).length;
  switch (how) {
    case 'up':
      return i > 0 ? { from: path, parentPath: parent, index: i - 1 } : undefined;
    case 'down':
      return i < count - 1 ? { from: path, parentPath: parent, index: i + 2 } : undefined;
    case 'indent': {
      // Into the previous sibling, as its last child.
      if (i === 0) return undefined;
      const previous = [...parent, i - 1];
      return { from: path, parentPath: previous, index: siblingsOf(items, previous).length };
    }
    case 'outdent':
      // Right after its parent.
      return parent.length ? { from: path, parentPath: parent.slice(0, -1), index: parent[parent.length - 1] + 1 } : undefined;
  }
}

/** A drop on the tree: onto an item nests it there (first child); on a gap puts it before or after. */
export function moveForDrop(from: NavPath, onto: NavPath, where: 'before' | 'after' | 'inside'): Move {
  if (where === 'inside') return { from, parentPath: onto, index: 0 };
  const i = onto[onto.length - 1];
  return { from, parentPath: onto.slice(0, -1), index: where === 'before' ? i : i + 1 };
}
