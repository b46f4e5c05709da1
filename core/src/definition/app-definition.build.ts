/**
 * Assembles the one app definition schema from the shared $defs, the definition-level schemas
 * and the type registries. Pure and cheap; callers that need it often (the validator) cache it.
 */
import { commonDefs } from '../common/common.defs';
import type { JsonSchema } from '../json-schema';
import AppDefinition from './app-definition.schema.json';
import Connection from './connection.schema.json';
import Edge from './edge.schema.json';
import EntityIndex from './entity-index.schema.json';
import Entity from './entity.schema.json';
import NavItem from './nav-item.schema.json';
import Page from './page.schema.json';
import Permission from './permission.schema.json';
import Position from './position.schema.json';
import Role from './role.schema.json';
import Segment from './segment.schema.json';
import Tag from './tag.schema.json';
import { typeDefs } from './type-branches';
import Workflow from './workflow.schema.json';

export const APP_DEFINITION_SCHEMA_ID = 'https://tessera.dev/schemas/app-definition.schema.json';

const definitionDefs: Record<string, JsonSchema> = {
  Role,
  Entity,
  EntityIndex,
  Permission,
  Connection,
  Page,
  NavItem,
  Workflow,
  Edge,
  Position,
  Tag,
  Segment,
};

/** Every $def (shared, definition-level and per type); type schemas resolve their `#/$defs/…` refs here. */
export function allDefs(): Record<string, JsonSchema> {
  return structuredClone({ ...commonDefs, ...definitionDefs, ...typeDefs() });
}

export function buildAppDefinitionSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: APP_DEFINITION_SCHEMA_ID,
    title: 'AppDefinition',
    ...structuredClone(AppDefinition as JsonSchema),
    $defs: allDefs(),
  };
}

/**
 * A type's schema (a field type's, or a component's props…) made standalone for a form generator
 * in the builder: the same schema with every $def it may reference attached.
 */
export function standaloneSchema(schema: JsonSchema): JsonSchema {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...structuredClone(schema), $defs: allDefs() };
}
