/**
 * Renames as single undoable commands: the id changes and every reference to it follows
 * (@tessera/core/renames, shared with the server), so the definition stays valid. A bad or taken
 * id is refused with a message and the draft is left as it was. Field and entity renames are
 * reported (`renamed`) so the store logs them and the publish moves their stored data.
 */
import { withRenamedComponent, withRenamedEntity, withRenamedField, withRenamedPage, withRenamedRole } from '@tessera/core/renames';
import { pageOfComponent } from '../component-tree';
import type { Command } from './command.types';

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

const renameRole: Command<{ roleId: string; id: string }> = (def, { roleId, id }) => {
  const next = withRenamedRole(def, roleId, id);
  return next === def ? def : { def: next, select: { kind: 'access', roleId: id } };
};

const renamePage: Command<{ pageId: string; id: string }> = (def, { pageId, id }) => {
  const next = withRenamedPage(def, pageId, id);
  return next === def ? def : { def: next, select: { kind: 'page', pageId: id } };
};

const renameComponent: Command<{ componentId: string; id: string }> = (def, { componentId, id }) => {
  const next = withRenamedComponent(def, componentId, id);
  return next === def ? def : { def: next, select: { kind: 'page', pageId: pageOfComponent(next, id)!.id, componentId: id } };
};

export const renameCommands = { renameField, renameEntity, renameRole, renamePage, renameComponent };
