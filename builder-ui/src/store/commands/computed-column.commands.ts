/**
 * "Set a column to a computed expression": the platform computes values per field, so the
 * column gets a new computed field on the bound entity — both changes in one undoable command.
 * The consultant names the column; the proposed name is the expression read with field labels.
 */
import { findComponent, pageOfComponent } from '../component-tree';
import { labelText, type Draft, type DraftEntity } from '../draft.types';
import { replaceRecordNames } from '@tessera/core/renames';
import { isWrapped, type Command, type CommandResult } from './command.types';
import { entityCommands } from './entity.commands';
import { pageCommands } from './page.commands';

const unwrap = (r: CommandResult): Draft => (isWrapped(r) ? r.def : r);
const MAX_LABEL = 40;

/** `amount * probability / 100` -> "Amount * Probability (%) / 100": a readable first name for the column. */
export function labelFromExpression(expression: string, entity: DraftEntity | undefined, lang = 'en'): string {
  const byId = new Map((entity?.fields ?? []).map((f) => [f.id, labelText(f.label, lang, f.id)]));
  const text = replaceRecordNames(expression, (id) => byId.get(id))
    .replace(/\$(?=[a-zA-Z])/g, '') // `$uppercase(` reads as "uppercase("
    .replace(/\s+/g, ' ')
    .trim();
  const label = text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1).trimEnd()}…` : text;
  return label || 'Computed';
}

const addComputedColumn: Command<{ componentId: string; listKey: string; expression: string; label?: string; resultType?: string }> = (
  def,
  args,
) => {
  const page = pageOfComponent(def, args.componentId);
  const component = page && findComponent(page.components, args.componentId);
  const entityId = component?.source?.entity;
  if (!component || !entityId) throw new Error('the component is not bound to an entity');
  const entity = def.entities.find((e) => e.id === entityId);
  const label = args.label?.trim() || labelFromExpression(args.expression, entity);
  const patch = { expression: { $expr: args.expression }, resultType: args.resultType ?? 'text' };
  const withField = unwrap(entityCommands.addField(def, { entityId, type: 'computed', label, patch }));
  const fields = withField.entities.find((e) => e.id === entityId)!.fields;
  const fieldId = fields[fields.length - 1].id;
  const list = (component.props?.[args.listKey] as unknown[] | undefined) ?? [];
  const next = unwrap(
    pageCommands.setProp(withField, { componentId: args.componentId, key: args.listKey, value: [...list, { field: fieldId }] }),
  );
  return { def: next, select: { kind: 'page', pageId: page.id, componentId: args.componentId } };
};

export const computedColumnCommands = { addComputedColumn };
