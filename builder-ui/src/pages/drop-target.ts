/**
 * Drag-and-drop rules of the canvas. Droppables: `before:<componentId>` (insert before it, at
 * its level) and `into:<containerId|root>` (append to a container or the page). When several
 * contain the pointer, the smallest wins — the innermost place the user is pointing at.
 */
import { closestCenter, pointerWithin, type CollisionDetection } from '@dnd-kit/core';

export interface DropData {
  parentId: string | null;
  index: number;
}

export const innermost: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  if (!hits.length) return closestCenter(args);
  const area = (id: string | number) => {
    const r = args.droppableRects.get(id);
    return r ? r.width * r.height : Number.MAX_SAFE_INTEGER;
  };
  return [...hits].sort((a, b) => area(a.id) - area(b.id)).slice(0, 1);
};

/** A palette item's draggable id carries the component type. */
export const paletteId = (type: string) => `palette:${type}`;
export const typeOfPaletteId = (id: string) => (id.startsWith('palette:') ? id.slice('palette:'.length) : undefined);
