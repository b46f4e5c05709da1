/** Commands of the data designer: entities, fields, indexes, relations. */
import { fieldTypes } from '@tessera/core';
import { labelText, type Draft, type DraftEntity, type DraftField, type DraftIndex } from '../draft.types';
import { uniqueId } from '../ids';
import { applyPatch, moveItem, replaceWhere, withEntity, type Command } from './command.types';
import { withRenamedEntity, withRenamedField } from '@tessera/core/renames';

const withField = (def: Draft, entityId: string, fieldId: string, fn: (f: DraftField) => DraftField): Draft =>
  withEntity(def, entityId, (e) => ({ ...e, fields: replaceWhere(e.fields, (f) => f.id === fieldId, fn, `field "${fieldId}"`) }));

const addEntity: Command<{ label: string; id?: string }> = (def, { label, id }) => {
  const entityId =
    id ??
    uniqueId(
      label,
      (def.entities ?? []).map((e) => e.id),
    );
  // An entity needs at least one field; a required name is what almost every CRM record has.
  const entity: DraftEntity = {
    id: entityId,
    label,
    display: 'name',
    fields: [{ id: 'name', type: 'text', label: 'Name', required: true }],
  };
  return { def: { ...def, entities: [...(def.entities ?? []), entity] }, select: { kind: 'entity', entityId } };
};

/** Changing the id is a rename: every reference follows (see rename.commands.ts). */
const updateEntity: Command<{ entityId: string; patch: Record<string, unknown> }> = (def, { entityId, patch }) => {
  const { id: newId, ...rest } = patch;
  const next = withEntity(def, entityId, (e) => applyPatch(e, rest));
  if (typeof newId !== 'string' || newId === entityId) return next;
  return {
    def: withRenamedEntity(next, entityId, newId),
    select: { kind: 'entity', entityId: newId },
    renamed: { kind: 'entity', from: entityId, to: newId },
  };
};

const removeEntity: Command<{ entityId: string }> = (def, { entityId }) => ({
  def: { ...def, entities: (def.entities ?? []).filter((e) => e.id !== entityId) },
  select: null,
});

const addField: Command<{ entityId: string; type: string; label?: string; patch?: Record<string, unknown> }> = (
  def,
  { entityId, type, label, patch },
) => {
  const descriptor = fieldTypes.get(type);
  if (!descriptor) throw new Error(`unknown field type "${type}"`);
  const entity = (def.entities ?? []).find((e) => e.id === entityId);
  if (!entity) throw new Error(`entity "${entityId}" not found`);
  const scaffold = structuredClone(descriptor.scaffold) as Record<string, unknown>;
  const fieldLabel = label ?? (scaffold.label as string) ?? descriptor.title;
  const id = uniqueId(
    fieldLabel,
    entity.fields.map((f) => f.id),
  );
  const field = applyPatch({ ...scaffold, id, type, label: fieldLabel } as DraftField, patch ?? {});
  return {
    def: withEntity(def, entityId, (e) => ({ ...e, fields: [...e.fields, field] })),
    select: { kind: 'entity', entityId, fieldId: field.id },
  };
};

/** A new id is a rename: references follow (see rename.commands.ts). */
const updateField: Command<{ entityId: string; fieldId: string; patch: Record<string, unknown> }> = (def, { entityId, fieldId, patch }) => {
  const { id: newId, ...rest } = patch;
  const next = withField(def, entityId, fieldId, (f) => applyPatch(f, rest));
  if (typeof newId !== 'string' || newId === fieldId) return next;
  return {
    def: withRenamedField(next, entityId, fieldId, newId),
    select: { kind: 'entity', entityId, fieldId: newId },
    renamed: { kind: 'field', entity: entityId, from: fieldId, to: newId },
  };
};

/** Replaces the whole field object (the generated settings form edits it as one value). */
const setField: Command<{ entityId: string; fieldId: string; field: DraftField }> = (def, { entityId, fieldId, field }) => {
  const next = withField(def, entityId, fieldId, () => ({ ...field, id: fieldId }));
  if (field.id === fieldId) return next;
  return {
    def: withRenamedField(next, entityId, fieldId, field.id),
    select: { kind: 'entity', entityId, fieldId: field.id },
    renamed: { kind: 'field', entity: entityId, from: fieldId, to: field.id },
  };
};

const removeField: Command<{ entityId: string; fieldId: string }> = (def, { entityId, fieldId }) => ({
  def: withEntity(def, entityId, (e) => ({ ...e, fields: e.fields.filter((f) => f.id !== fieldId) })),
  select: { kind: 'entity', entityId },
});

const moveField: Command<{ entityId: string; from: number; to: number }> = (def, { entityId, from, to }) =>
  withEntity(def, entityId, (e) => ({ ...e, fields: moveItem(e.fields, from, to) }));

const addIndex: Command<{ entityId: string; index: DraftIndex }> = (def, { entityId, index }) =>
  withEntity(def, entityId, (e) => ({ ...e, indexes: [...(e.indexes ?? []), index] }));

const updateIndex: Command<{ entityId: string; at: number; index: DraftIndex }> = (def, { entityId, at, index }) =>
  withEntity(def, entityId, (e) => ({ ...e, indexes: (e.indexes ?? []).map((x, i) => (i === at ? index : x)) }));

const removeIndex: Command<{ entityId: string; at: number }> = (def, { entityId, at }) =>
  withEntity(def, entityId, (e) => ({ ...e, indexes: (e.indexes ?? []).filter((_, i) => i !== at) }));

/** Drawn on the ER diagram: a relation field on `fromEntityId` pointing at `toEntityId`. */
const addRelation: Command<{ fromEntityId: string; toEntityId: string; many?: boolean }> = (def, { fromEntityId, toEntityId, many }) => {
  const target = (def.entities ?? []).find((e) => e.id === toEntityId);
  const label = labelText(target?.label, 'en', toEntityId);
  return addField(def, { entityId: fromEntityId, type: 'relation', label, patch: { to: toEntityId, ...(many ? { many: true } : {}) } });
};

export const entityCommands = {
  addEntity,
  updateEntity,
  removeEntity,
  addField,
  updateField,
  setField,
  removeField,
  moveField,
  addIndex,
  updateIndex,
  removeIndex,
  addRelation,
};
