/** Lookups over a definition that components need: entities, fields, labels, pages for a record. */
import type { AppDefinition, Entity, Field, Page } from '@tessera/core';
import { fieldTypes, searchFieldsOf, searchTerms } from '@tessera/core';

export const findEntity = (def: AppDefinition | undefined, id: string | undefined): Entity | undefined =>
  id ? def?.entities?.find((e) => e.id === id) : undefined;

export const findField = (entity: Entity | undefined, id: string): Field | undefined =>
  entity?.fields.find((f) => f.id === id.split('.')[0]);

export const isStored = (field: Field): boolean => fieldTypes.get(field.type)?.stored ?? false;

/** System fields present on every record, shown with a synthetic text/datetime field. */
const SYSTEM: Record<string, Field> = {
  id: { id: 'id', type: 'text', label: 'ID' } as unknown as Field,
  createdAt: { id: 'createdAt', type: 'datetime', label: { en: 'Created', 'zh-CN': '创建时间' } } as unknown as Field,
  updatedAt: { id: 'updatedAt', type: 'datetime', label: { en: 'Updated', 'zh-CN': '更新时间' } } as unknown as Field,
  createdBy: { id: 'createdBy', type: 'text', label: { en: 'Created by', 'zh-CN': '创建人' } } as unknown as Field,
  version: { id: 'version', type: 'number', label: { en: 'Version', 'zh-CN': '版本' } } as unknown as Field,
};

export const fieldOrSystem = (entity: Entity | undefined, id: string): Field | undefined => findField(entity, id) ?? SYSTEM[id];

/** The record's title: its display field, else its id. */
export function displayOf(entity: Entity | undefined, record: Record<string, unknown> | null | undefined): string {
  if (!record) return '';
  const v = entity?.display ? record[entity.display] : undefined;
  return v === undefined || v === null || v === '' ? String(record.id ?? '') : String(v);
}

/**
 * The quick search box's filter: the entity's search fields the user may read (the server's
 * word-prefix index; see @tessera/core quick-search), or none when it has no such fields.
 */
export function searchFilter(entity: Entity, term: string, hidden: readonly string[] = []): Record<string, unknown> | undefined {
  const text = term.trim();
  const fields = searchFieldsOf(entity).filter((f) => !hidden.includes(f));
  if (!text || fields.length === 0 || searchTerms(text).length === 0) return undefined;
  return { $search: { text, fields } };
}

/** A page that shows one record of `entity` (a `:id` route with a detail or form bound to it). */
export function recordPageOf(def: AppDefinition | undefined, entity: string): Page | undefined {
  const binds = (c: { type: string; source?: unknown; children?: unknown[] }): boolean =>
    (['detail', 'form'].includes(c.type) &&
      (c.source as { entity?: string } | undefined)?.entity === entity &&
      (c as { props?: { mode?: string } }).props?.mode !== 'create') ||
    ((c.children as (typeof c)[] | undefined) ?? []).some(binds);
  return def?.pages?.find((p) => p.route.includes(':id') && p.components.some((c) => binds(c as never)));
}

/** A page with a create form for `entity` (the "New" button of tables and lists opens it). */
export function createPageOf(def: AppDefinition | undefined, entity: string): Page | undefined {
  const creates = (c: { type: string; source?: unknown; props?: unknown; children?: unknown[] }): boolean =>
    (c.type === 'form' &&
      (c.source as { entity?: string } | undefined)?.entity === entity &&
      ((c.props as { mode?: string })?.mode ?? 'create') === 'create') ||
    ((c.children as (typeof c)[] | undefined) ?? []).some(creates);
  return def?.pages?.find((p) => !p.route.includes(':') && p.components.some((c) => creates(c as never)));
}

type Node = { id: string; type: string; source?: unknown; props?: unknown; children?: Node[] };
const walk = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...walk(n.children ?? [])]);

/** The page holding a component, and that page's components flattened in reading order. */
export function pageOfComponent(def: AppDefinition | undefined, componentId: string): { page: Page; all: Node[] } | undefined {
  for (const page of def?.pages ?? []) {
    const all = walk(page.components as Node[]);
    if (all.some((c) => c.id === componentId)) return { page, all };
  }
  return undefined;
}

/** A page with an edit form for `entity`. */
export const editPageOf = (def: AppDefinition | undefined, entity: string): Page | undefined =>
  def?.pages?.find((p) =>
    walk(p.components as Node[]).some(
      (c) => c.type === 'form' && (c.source as { entity?: string })?.entity === entity && (c.props as { mode?: string })?.mode === 'edit',
    ),
  );
