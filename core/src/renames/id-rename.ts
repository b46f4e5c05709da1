/**
 * Renaming something with an id (entity, role, page, component…) follows every reference to it:
 * the places the definition's own structure points at it (a relation's `to`, a permission's
 * `role`, a menu item's `page`) and every ref the component, node and trigger types declare.
 */
import { mapAllComponents } from '../definition/draft-components';
import type { Draft, DraftEntity, DraftNavItem } from '../definition/draft.types';
import type { RefKind } from '../ref-spec';
import { mapRefs, mapRefSites } from './ref-sites';

export type IdKind = Exclude<RefKind, 'field' | 'input' | 'filter' | 'sort'>;

const swap = (from: string, to: string) => (v: unknown) => (v === from ? to : v);

function mapEntities(def: Draft, fn: (e: DraftEntity) => DraftEntity): Draft {
  const entities = (def.entities ?? []).map(fn);
  return entities.some((e, i) => e !== def.entities[i]) ? { ...def, entities } : def;
}

function mapNav(items: DraftNavItem[], fn: (item: DraftNavItem) => DraftNavItem): DraftNavItem[] {
  const next = items.map((item) => {
    const children = item.children ? mapNav(item.children, fn) : undefined;
    return fn(children && children !== item.children ? { ...item, children } : item);
  });
  return next.some((x, i) => x !== items[i]) ? next : items;
}

function mapSourceKey(def: Draft, kind: string, key: string, from: string, to: string): Draft {
  return mapAllComponents(def, (c) =>
    c.source?.kind === kind && c.source[key] === from ? { ...c, source: { ...c.source, [key]: to } } : c,
  );
}

/** Where the definition's structure (not a type's declared refs) names an id of each kind. */
const STRUCTURAL: Partial<Record<IdKind, (def: Draft, from: string, to: string) => Draft>> = {
  entity(def, from, to) {
    // Field settings (relation `to`, rollup `entity`) are their types' declared refs (mapRefSites).
    let next = mapSourceKey(def, 'entity', 'entity', from, to);
    const segments = next.segments as Array<{ entity?: string }> | undefined;
    if (segments?.some((s) => s.entity === from))
      next = { ...next, segments: segments.map((s) => (s.entity === from ? { ...s, entity: to } : s)) };
    return next;
  },
  role: (def, from, to) =>
    mapEntities(def, (e) =>
      e.permissions?.some((p) => p.role === from)
        ? { ...e, permissions: e.permissions.map((p) => (p.role === from ? { ...p, role: to } : p)) }
        : e,
    ),
  page(def, from, to) {
    const navigation = mapNav(def.navigation ?? [], (item) => (item.page === from ? { ...item, page: to } : item));
    return navigation === (def.navigation ?? []) ? def : { ...def, navigation };
  },
  connection: (def, from, to) => mapSourceKey(def, 'connector', 'connection', from, to),
  workflow: (def, from, to) => mapSourceKey(def, 'workflow', 'workflow', from, to),
};

export function renameIdRefs<D extends Draft>(def: D, kind: IdKind, from: string, to: string): D {
  if (from === to) return def;
  const structural = STRUCTURAL[kind]?.(def, from, to) ?? def;
  const kinds = new Set([kind]);
  return mapRefSites(structural, (value, refs) => mapRefs(value, refs, kinds, (_k, v) => swap(from, to)(v))) as D;
}
