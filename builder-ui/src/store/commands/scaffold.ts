/**
 * Turns a component type's registry scaffold into a component ready for the canvas: ids on it and
 * on any scaffold children, and — generically, from the props schema — a first data binding, so
 * a table dropped on a page shows data at once instead of an error. No per-type code: any array
 * prop whose items have a `field` property is filled with the entity's first fields.
 */
import { standaloneSchema, type ComponentTypeDescriptor, type JsonSchema } from '@tessera/schemas';
import type { Draft, DraftComponent, DraftEntity } from '../draft.types';
import { uniqueId } from '../ids';

const WRITABLE_EXCLUDED = new Set(['computed', 'rollup']);

function withIds(raw: Record<string, unknown>, taken: Set<string>): DraftComponent {
  const id = uniqueId(String(raw.type), taken);
  taken.add(id);
  const children = (raw.children as Array<Record<string, unknown>> | undefined)?.map((c) => withIds(c, taken));
  return { ...raw, id, ...(children ? { children } : {}) } as DraftComponent;
}

function fieldListProps(schema: JsonSchema): Array<{ key: string; writable: boolean }> {
  return Object.entries(schema.properties ?? {})
    .filter(([, s]) => s.type === 'array' && !!s.items?.properties?.field)
    .map(([key]) => ({ key, writable: key === 'fields' }));
}

/**
 * Points a component at another entity; its field lists (columns, form inputs…) are refilled
 * from the new entity, since the consultant just said the component is about something else.
 */
export function rebind(component: DraftComponent, d: ComponentTypeDescriptor, entity: DraftEntity): DraftComponent {
  if (component.source?.entity === entity.id) return component;
  const props = { ...(component.props ?? {}) };
  for (const { key, writable } of fieldListProps(standaloneSchema(d.schema))) {
    const fields = entity.fields.filter((f) => !f.hidden && (!writable || !WRITABLE_EXCLUDED.has(f.type))).slice(0, 5);
    props[key] = fields.map((f) => ({ field: f.id }));
  }
  const { filter: _f, sort: _s, ...source } = component.source ?? { kind: 'entity' };
  return { ...component, props, source: { ...source, kind: 'entity', entity: entity.id } };
}

export function smartScaffold(def: Draft, d: ComponentTypeDescriptor, taken: Set<string>, entityHint?: string): DraftComponent {
  const component = withIds(structuredClone(d.scaffold), taken);
  const source = component.source;
  const entity: DraftEntity | undefined =
    (def.entities ?? []).find((e) => e.id === entityHint) ?? (def.entities ?? [])[0];
  if (!source || source.kind !== 'entity' || source.entity || !entity) return component;
  const props = { ...(component.props ?? {}) };
  for (const { key, writable } of fieldListProps(standaloneSchema(d.schema))) {
    const current = props[key] as Array<{ field: string }> | undefined;
    if (current && current.some((c) => c.field !== 'id')) continue;
    const fields = entity.fields.filter((f) => !f.hidden && (!writable || !WRITABLE_EXCLUDED.has(f.type))).slice(0, 5);
    if (fields.length) props[key] = fields.map((f) => ({ field: f.id }));
  }
  return { ...component, props, source: { ...source, entity: entity.id } };
}
