/**
 * Saved table views name fields (columns, sort, filter keys) that a publish may rename. Their
 * owners should not find them broken ("unknown field") after a consultant renamed a field, so
 * the views of every table bound to the renamed field's entity follow the rename, like the data.
 * Idempotent: a view already rewritten holds no old name, so publishing again changes nothing.
 */
import type { AppDefinition, Component } from '@tessera/core';
import type { Store } from '@tessera/core/store';
import { VIEWS } from '../platform-collections';
import type { RenamePlan } from './renames.check';

type Names = Map<string, string>;

/** A field path in a view: the field itself, or a sub-path of it (`address.city`). */
function renamePath(path: string, names: Names): string {
  const dot = path.indexOf('.');
  const head = dot < 0 ? path : path.slice(0, dot);
  const to = names.get(head);
  return to === undefined ? path : to + (dot < 0 ? '' : path.slice(dot));
}

/** Field keys at every level of a filter; `$and` / `$or` hold lists of filters. Operator values are kept. */
export function renameFilter(filter: unknown, names: Names): unknown {
  if (Array.isArray(filter)) return filter.map((f) => renameFilter(f, names));
  if (!filter || typeof filter !== 'object') return filter;
  return Object.fromEntries(
    Object.entries(filter as Record<string, unknown>).map(([key, value]) =>
      key.startsWith('$') ? [key, renameFilter(value, names)] : [renamePath(key, names), value],
    ),
  );
}

export function renameViewState(state: Record<string, unknown>, names: Names): Record<string, unknown> {
  const next = { ...state };
  if (Array.isArray(state.columns)) next.columns = state.columns.map((c) => (typeof c === 'string' ? renamePath(c, names) : c));
  if (Array.isArray(state.sort)) {
    next.sort = state.sort.map((s) =>
      s && typeof s === 'object' && typeof (s as { field?: unknown }).field === 'string'
        ? { ...s, field: renamePath((s as { field: string }).field, names) }
        : s,
    );
  }
  if (state.filter !== undefined) next.filter = renameFilter(state.filter, names);
  return next;
}

/** Component id -> entity it shows, for every component of the definition bound to an entity. */
function boundComponents(def: AppDefinition): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (list: Component[]) => {
    for (const c of list) {
      const entity = (c as { source?: { kind?: string; entity?: string } }).source;
      if (entity?.kind === 'entity' && entity.entity) out.set(c.id, entity.entity);
      if ('children' in c && c.children) walk(c.children as Component[]);
    }
  };
  for (const page of def.pages) walk(page.components);
  return out;
}

/** Rewrites the app's saved views for the plan's field renames; returns how many views changed. */
export async function renameInViews(store: Store, def: AppDefinition, plan: RenamePlan): Promise<number> {
  if (plan.fields.length === 0) return 0;
  const byEntity = new Map<string, Names>();
  for (const r of plan.fields) {
    const names = byEntity.get(r.entity) ?? new Map<string, string>();
    names.set(r.from, r.to);
    byEntity.set(r.entity, names);
  }
  const components = [...boundComponents(def)].filter(([, entity]) => byEntity.has(entity));
  if (components.length === 0) return 0;
  const views = store.collection(VIEWS);
  let changed = 0;
  for (const [component, entity] of components) {
    // A table has at most a few hundred views per user (views.ts bounds them); page through anyway.
    let cursor: string | undefined;
    do {
      const page = await views.find({ filter: { appId: def.id, component }, limit: 500, cursor });
      for (const view of page.items) {
        const state = (view.state ?? {}) as Record<string, unknown>;
        const next = renameViewState(state, byEntity.get(entity)!);
        if (JSON.stringify(next) === JSON.stringify(state)) continue;
        await views.update(view.id, { state: next });
        changed++;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return changed;
}
