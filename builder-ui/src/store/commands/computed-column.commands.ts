/**
 * "Set a column to a computed expression": the platform computes values per field, so the
 * column gets a new computed field on the bound entity — both changes in one undoable command.
 */
import { findComponent, pageOfComponent } from '../component-tree';
import type { Draft } from '../draft.types';
import { isWrapped, type Command, type CommandResult } from './command.types';
import { entityCommands } from './entity.commands';
import { pageCommands } from './page.commands';

const unwrap = (r: CommandResult): Draft => (isWrapped(r) ? r.def : r);

const addComputedColumn: Command<{ componentId: string; listKey: string; label: string; expression: string }> = (def, args) => {
  const page = pageOfComponent(def, args.componentId);
  const component = page && findComponent(page.components, args.componentId);
  const entityId = component?.source?.entity;
  if (!component || !entityId) throw new Error('the component is not bound to an entity');
  const withField = unwrap(entityCommands.addField(def, { entityId, type: 'computed', label: args.label, patch: { expression: { $expr: args.expression }, resultType: 'text' } }));
  const fields = withField.entities.find((e) => e.id === entityId)!.fields;
  const fieldId = fields[fields.length - 1].id;
  const list = (component.props?.[args.listKey] as unknown[] | undefined) ?? [];
  const next = unwrap(pageCommands.setProp(withField, { componentId: args.componentId, key: args.listKey, value: [...list, { field: fieldId }] }));
  return { def: next, select: { kind: 'page', pageId: page.id, componentId: args.componentId } };
};

export const computedColumnCommands = { addComputedColumn };
