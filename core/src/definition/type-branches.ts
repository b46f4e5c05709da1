/**
 * Turns the registries into $defs: one branch per type plus a discriminated union per kind.
 * This is the only place that knows how a component/node/trigger wraps its props/config, so a
 * type folder only describes its own part.
 */
import type { ComponentTypeDescriptor } from '../component-types/component-type';
import { componentTypes } from '../component-types/component-types.index';
import { fieldTypes } from '../field-types/field-types.index';
import { pascalCase, ref, type JsonSchema } from '../json-schema';
import type { NodeTypeDescriptor } from '../node-types/node-type';
import { nodeTypes } from '../node-types/node-types.index';
import type { Registry } from '../registry/registry';
import type { TriggerTypeDescriptor } from '../trigger-types/trigger-type';
import { triggerTypes } from '../trigger-types/trigger-types.index';

/** $defs names of the unions; the validator names the kind in "unknown … type" messages from these. */
export const unionNouns: Record<string, { noun: string; registry: Registry<{ type: string }> }> = {
  Field: { noun: 'field type', registry: fieldTypes },
  Component: { noun: 'component type', registry: componentTypes },
  Trigger: { noun: 'trigger type', registry: triggerTypes },
  WorkflowNode: { noun: 'node type', registry: nodeTypes },
};

const union = (title: string, names: string[], description: string): JsonSchema => ({
  title,
  description,
  type: 'object',
  discriminator: { propertyName: 'type' },
  oneOf: names.map(ref),
});

const hasRequired = (schema: JsonSchema): boolean => (schema.required ?? []).length > 0;

/** `props`/`config` is required when its schema requires something; otherwise it defaults to {}. */
const payload = (name: string, schema: JsonSchema, description: string): JsonSchema =>
  hasRequired(schema) ? { ...ref(name), description } : { ...ref(name), description, default: {} };

function componentBranch(d: ComponentTypeDescriptor): JsonSchema {
  const props = `${pascalCase(d.type)}Props`;
  return {
    description: d.description,
    type: 'object',
    properties: {
      id: { ...ref('Identifier'), description: 'Unique across the app (forms and triggers refer to it).' },
      type: { const: d.type },
      props: payload(props, d.schema, 'Settings of this component type.'),
      ...(d.source === 'none' ? {} : { source: { ...ref('Source'), description: 'Where the data comes from.' } }),
      visible: { ...ref('Expression'), description: 'Shown only when this evaluates truthy.' },
      ...(d.acceptsChildren
        ? { children: { type: 'array', maxItems: 100, default: [], items: ref('Component'), description: 'Nested components.' } }
        : {}),
    },
    required: ['id', 'type', ...(hasRequired(d.schema) ? ['props'] : []), ...(d.source === 'required' ? ['source'] : [])],
    additionalProperties: false,
  };
}

function triggerBranch(d: TriggerTypeDescriptor): JsonSchema {
  const config = `${pascalCase(d.type)}TriggerConfig`;
  return {
    description: d.description,
    type: 'object',
    properties: { type: { const: d.type }, config: payload(config, d.schema, 'Settings of this trigger type.') },
    required: ['type', ...(hasRequired(d.schema) ? ['config'] : [])],
    additionalProperties: false,
  };
}

function nodeBranch(d: NodeTypeDescriptor): JsonSchema {
  const config = `${pascalCase(d.type)}NodeConfig`;
  return {
    description: d.description,
    type: 'object',
    properties: {
      id: { ...ref('Identifier'), description: 'Unique within the workflow.' },
      type: { const: d.type },
      label: { type: 'string', maxLength: 200, description: 'Shown on the canvas (defaults to the type title).' },
      config: payload(config, d.schema, 'Settings of this node type.'),
      position: { ...ref('Position'), default: { x: 0, y: 0 } },
    },
    required: ['id', 'type', ...(hasRequired(d.schema) ? ['config'] : [])],
    additionalProperties: false,
  };
}

export function typeDefs(): Record<string, JsonSchema> {
  const defs: Record<string, JsonSchema> = {};
  const fieldNames = fieldTypes.list().map((d) => {
    defs[`${pascalCase(d.type)}Field`] = d.schema;
    return `${pascalCase(d.type)}Field`;
  });
  const componentNames = componentTypes.list().map((d) => {
    defs[`${pascalCase(d.type)}Props`] = d.schema;
    defs[`${pascalCase(d.type)}Component`] = componentBranch(d);
    return `${pascalCase(d.type)}Component`;
  });
  const triggerNames = triggerTypes.list().map((d) => {
    defs[`${pascalCase(d.type)}TriggerConfig`] = d.schema;
    defs[`${pascalCase(d.type)}Trigger`] = triggerBranch(d);
    return `${pascalCase(d.type)}Trigger`;
  });
  const nodeNames = nodeTypes.list().map((d) => {
    defs[`${pascalCase(d.type)}NodeConfig`] = d.schema;
    defs[`${pascalCase(d.type)}Node`] = nodeBranch(d);
    return `${pascalCase(d.type)}Node`;
  });
  defs.Field = union('Field', fieldNames, 'A field of an entity; `type` selects the field type.');
  defs.Component = union('Component', componentNames, 'A component of a page; `type` selects the component type.');
  defs.Trigger = union('Trigger', triggerNames, 'What starts a workflow; `type` selects the trigger type.');
  defs.WorkflowNode = union('WorkflowNode', nodeNames, 'A step of a workflow; `type` selects the node type.');
  return defs;
}
