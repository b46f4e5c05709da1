/**
 * Renaming a field follows every reference to it: the entity's display, owner and search fields,
 * indexes, permissions and computed expressions; rollups of other entities that aggregate it;
 * the filters, sorts and field lists of components, workflow steps and segments that query the
 * entity; and every field ref the component, node and trigger types declare (columns, kanban
 * groupBy, chart axes…). Dotted paths into a json field keep their tail (`meta.x` -> `info.x`).
 */
import { mapAllComponents } from '../definition/draft-components';
import type { Draft, DraftEntity, DraftPermission, DraftSource } from '../definition/draft.types';
import { renameInExpression } from './expression-rename';
import { mapRefs, mapRefSites } from './ref-sites';

type Filter = Record<string, unknown>;
const FIELD_KINDS = new Set(['field', 'input', 'filter', 'sort']);

export function renameFieldRefs<D extends Draft>(input: D, entityId: string, from: string, to: string): D {
  if (from === to) return input;
  const def: Draft = input;
  const head = (p: unknown): unknown => (typeof p === 'string' && (p === from || p.startsWith(`${from}.`)) ? to + p.slice(from.length) : p);
  const filter = (f: unknown): unknown => {
    if (!f || typeof f !== 'object' || Array.isArray(f)) return f;
    const entries = Object.entries(f as Filter).map(([k, v]) =>
      k === '$and' || k === '$or' ? [k, Array.isArray(v) ? v.map(filter) : v] : [k.startsWith('$') ? k : (head(k) as string), v],
    );
    return Object.fromEntries(entries);
  };
  const sort = (s: unknown): unknown => (Array.isArray(s) ? s.map((k: { field?: unknown }) => ({ ...k, field: head(k.field) })) : s);
  const byKind: Record<string, (v: unknown) => unknown> = { field: head, input: head, filter, sort };

  const ownEntity = (e: DraftEntity): DraftEntity => {
    const next: DraftEntity = { ...e };
    if (e.display !== undefined) next.display = head(e.display);
    if (e.ownerField !== undefined) next.ownerField = head(e.ownerField) as string;
    if (Array.isArray(e.searchFields)) next.searchFields = e.searchFields.map(head);
    if (e.indexes) next.indexes = e.indexes.map((x) => ({ ...x, fields: x.fields.map((f) => head(f) as string) }));
    if (e.permissions) {
      next.permissions = e.permissions.map((p): DraftPermission =>
        p.fields ? { ...p, fields: Object.fromEntries(Object.entries(p.fields).map(([k, v]) => [head(k) as string, v])) } : p,
      );
    }
    next.fields = e.fields.map((f) => {
      const expr = (f.expression as { $expr?: unknown } | undefined)?.$expr;
      return f.type === 'computed' && typeof expr === 'string' ? { ...f, expression: { $expr: renameInExpression(expr, from, to) } } : f;
    });
    return next;
  };
  // A rollup on another entity aggregates this entity's records: its via, field and filter are
  // its type's declared field refs about `entity` (mapRefSites below, like node configs).
  let next: Draft = { ...def, entities: (def.entities ?? []).map((e) => (e.id === entityId ? ownEntity(e) : e)) };
  next = mapAllComponents(next, (c) => {
    if (c.source?.kind !== 'entity' || c.source.entity !== entityId) return c;
    const s = c.source;
    const source: DraftSource = {
      ...s,
      ...(s.filter ? { filter: filter(s.filter) as Filter } : {}),
      ...(s.sort ? { sort: sort(s.sort) as DraftSource['sort'] } : {}),
    };
    if (Array.isArray(s.fields)) source.fields = s.fields.map(head);
    return { ...c, source };
  });
  next = mapRefSites(next, (value, refs, site) =>
    site === entityId ? mapRefs(value, refs, FIELD_KINDS, (kind, v) => byKind[kind](v)) : value,
  );
  const segments = next.segments as Array<{ entity?: string; filter?: unknown }> | undefined;
  if (segments?.some((s) => s.entity === entityId))
    next = { ...next, segments: segments.map((s) => (s.entity === entityId ? { ...s, filter: filter(s.filter) } : s)) };
  return next as D;
}
