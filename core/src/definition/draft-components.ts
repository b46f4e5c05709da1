/**
 * Walks over every component of a draft's pages. The mapper returns new arrays only where
 * something changed and shares the rest, so callers (builder commands, renames) can tell "no
 * change" by identity and undo history can keep old states by reference.
 */
import type { Draft, DraftComponent } from './draft.types';

export function walkComponents(list: DraftComponent[], visit: (c: DraftComponent) => void): void {
  for (const c of list) {
    visit(c);
    if (c.children) walkComponents(c.children, visit);
  }
}

export function allComponentIds(def: Draft): Set<string> {
  const ids = new Set<string>();
  for (const p of def.pages ?? []) walkComponents(p.components ?? [], (c) => ids.add(c.id));
  return ids;
}

/** Applies `fn` to every component of every page (children first); unchanged pages are shared. */
export function mapAllComponents<D extends Draft>(def: D, fn: (c: DraftComponent) => DraftComponent): D {
  const mapList = (list: DraftComponent[]): DraftComponent[] => {
    const next = list.map((c) => {
      const children = c.children ? mapList(c.children) : undefined;
      return fn(children && children !== c.children ? { ...c, children } : c);
    });
    return next.some((c, i) => c !== list[i]) ? next : list;
  };
  const pages = (def.pages ?? []).map((p) => {
    const components = mapList(p.components ?? []);
    return components === p.components ? p : { ...p, components };
  });
  return pages.some((p, i) => p !== def.pages[i]) ? { ...def, pages } : def;
}
