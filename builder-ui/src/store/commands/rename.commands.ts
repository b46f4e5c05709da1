/**
 * Renames as single undoable commands: the id changes and every reference to it follows
 * (store/rename/), so the definition stays valid. A bad or taken id is refused with a message
 * and the draft is left as it was.
 */
import { allComponentIds, mapComponent, pageOfComponent } from '../component-tree';
import type { Draft } from '../draft.types';
import { idProblem } from '../ids';
import { renameFieldRefs } from '../rename/field-rename';
import { renameIdRefs } from '../rename/id-rename';
import { replaceWhere, withEntity, type Command } from './command.types';

function assertNewId(id: string, taken: Iterable<string>, what: string): void {
  const problem = idProblem(id, taken);
  if (problem === 'pattern') throw new Error(`"${id}" is not a valid ${what} id: a letter, then letters, digits or _`);
  if (problem === 'taken') throw new Error(`${what} id "${id}" is already used`);
}

export function withRenamedField(def: Draft, entityId: string, fieldId: string, id: string): Draft {
  const entity = (def.entities ?? []).find((e) => e.id === entityId);
  if (!entity) throw new Error(`entity "${entityId}" not found`);
  if (id === fieldId) return def;
  assertNewId(id, entity.fields.map((f) => f.id), 'field');
  const renamed = withEntity(def, entityId, (e) => ({ ...e, fields: replaceWhere(e.fields, (f) => f.id === fieldId, (f) => ({ ...f, id }), `field "${fieldId}"`) }));
  return renameFieldRefs(renamed, entityId, fieldId, id);
}

export function withRenamedEntity(def: Draft, entityId: string, id: string): Draft {
  if (id === entityId) return def;
  assertNewId(id, (def.entities ?? []).map((e) => e.id), 'entity');
  const renamed = { ...def, entities: replaceWhere(def.entities ?? [], (e) => e.id === entityId, (e) => ({ ...e, id }), `entity "${entityId}"`) };
  return renameIdRefs(renamed, 'entity', entityId, id);
}

const renameField: Command<{ entityId: string; fieldId: string; id: string }> = (def, { entityId, fieldId, id }) => ({
  def: withRenamedField(def, entityId, fieldId, id),
  select: { kind: 'entity', entityId, fieldId: id },
  renamed: { kind: 'field', entity: entityId, from: fieldId, to: id },
});

const renameEntity: Command<{ entityId: string; id: string }> = (def, { entityId, id }) => ({
  def: withRenamedEntity(def, entityId, id),
  select: { kind: 'entity', entityId: id },
  renamed: { kind: 'entity', from: entityId, to: id },
});

/** Declared roles and roles only named by permissions can both be renamed (the latter fixes a typo). */
const renameRole: Command<{ roleId: string; id: string }> = (def, { roleId, id }) => {
  if (id === roleId) return def;
  const declared = (def.roles ?? []).map((r) => r.id);
  assertNewId(id, declared, 'role');
  const roles = (def.roles ?? []).map((r) => (r.id === roleId ? { ...r, id } : r));
  return { def: renameIdRefs({ ...def, roles }, 'role', roleId, id), select: { kind: 'access', roleId: id } };
};

const renamePage: Command<{ pageId: string; id: string }> = (def, { pageId, id }) => {
  if (id === pageId) return def;
  assertNewId(id, (def.pages ?? []).map((p) => p.id), 'page');
  const pages = replaceWhere(def.pages ?? [], (p) => p.id === pageId, (p) => ({ ...p, id }), `page "${pageId}"`);
  return { def: renameIdRefs({ ...def, pages }, 'page', pageId, id), select: { kind: 'page', pageId: id } };
};

/** Component ids are referenced by form-submit triggers (and any type declaring a component ref). */
const renameComponent: Command<{ componentId: string; id: string }> = (def, { componentId, id }) => {
  const page = pageOfComponent(def, componentId);
  if (!page) throw new Error(`component "${componentId}" not found`);
  if (id === componentId) return def;
  assertNewId(id, allComponentIds(def), 'component');
  const pages = def.pages.map((p) => (p !== page ? p : { ...p, components: mapComponent(p.components, componentId, (c) => ({ ...c, id })) }));
  return { def: renameIdRefs({ ...def, pages }, 'component', componentId, id), select: { kind: 'page', pageId: page.id, componentId: id } };
};

export const renameCommands = { renameField, renameEntity, renameRole, renamePage, renameComponent };
