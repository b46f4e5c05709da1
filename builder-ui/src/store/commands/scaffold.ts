/**
 * Turns a component type's registry scaffold into a component ready for the canvas: ids on it and
 * on any scaffold children, and — generically, from the props schema — the data binding the
 * consultant chose, so a table dropped on a page shows data at once. No per-type code: any array
 * prop whose items have a `field` property is filled with the entity's first fields.
 */
import { isStoredField, standaloneSchema, type ComponentTypeDescriptor, type JsonSchema } from '@tessera/core';
import type { Draft, DraftComponent, DraftEntity } from '../draft.types';
import { uniqueId } from '../ids';

function withIds(raw: Record<string, unknown>, taken: Set<string>): DraftComponent {
  const id = uniqueId(String(raw.type), taken);
  taken.add(id);
  const children = (raw.children as Array<Record<string, unknown>> | undefined)?.map((c) => withIds(c, taken));
  return { ...raw, id, ...(children ? { children } : {}) } as DraftComponent;
}

const listProps = new Map<string, Array<{ key: string; writable: boolean }>>();

/** Array props whose items name a field (per type; the schema of a type never changes at run time). */
function fieldListProps(d: ComponentTypeDescriptor): Array<{ key: string; writable: boolean }> {
  let found = listProps.get(d.type);
  if (!found) {
    const schema: JsonSchema = standaloneSchema(d.schema);
    found = Object.entries(schema.properties ?? {})
      .filter(([, s]) => s.type === 'array' && !!s.items?.properties?.field)
      .map(([key]) => ({ key, writable: key === 'fields' }));
    listProps.set(d.type, found);
  }
  return found;
}

/** The entity's first fields (writable ones for input lists) as a field list prop. */
const firstFields = (entity: DraftEntity, writable: boolean) =>
  entity.fields
    .filter((f) => !f.hidden && (!writable || isStoredField(f)))
    .slice(0, 5)
    .map((f) => ({ field: f.id }));

/**
 * Points a component at another entity; its field lists (columns, form inputs…) are refilled
 * from the new entity, since the consultant just said the component is about something else.
 */
export function rebind(component: DraftComponent, d: ComponentTypeDescriptor, entity: DraftEntity): DraftComponent {
  if (component.source?.entity === entity.id) return component;
  const props = { ...(component.props ?? {}) };
  for (const { key, writable } of fieldListProps(d)) props[key] = firstFields(entity, writable);
  const { filter: _f, sort: _s, ...source } = component.source ?? { kind: 'entity' };
  return { ...component, props, source: { ...source, kind: 'entity', entity: entity.id } };
}

/** Does a dropped component of this type need an entity (a data component with an entity source)? */
export function needsEntity(d: ComponentTypeDescriptor | undefined): boolean {
  const source = (d?.scaffold as { source?: { kind?: string; entity?: string } } | undefined)?.source;
  return source?.kind === 'entity' && !source.entity;
}

/**
 * The scaffold with ids and, when `entityId` names an entity and the type reads one, bound to it
 * with its field lists filled. Without one a data component stays unbound (the validator says so
 * on the canvas): the binding is always the consultant's choice, never a silent guess.
 */
export function smartScaffold(def: Draft, d: ComponentTypeDescriptor, taken: Set<string>, entityId?: string): DraftComponent {
  const component = withIds(structuredClone(d.scaffold), taken);
  const entity = (def.entities ?? []).find((e) => e.id === entityId);
  return entity && needsEntity(d) ? rebind(component, d, entity) : component;
}
