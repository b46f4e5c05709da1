/** The shared $defs every type schema may reference as `#/$defs/<Name>`. */
import type { JsonSchema } from '../json-schema';
import AppId from './app-id.schema.json';
import ConnectorSource from './connector-source.schema.json';
import Duration from './duration.schema.json';
import EntitySource from './entity-source.schema.json';
import Expression from './expression.schema.json';
import FieldOperators from './field-operators.schema.json';
import FieldPath from './field-path.schema.json';
import Filter from './filter.schema.json';
import Identifier from './identifier.schema.json';
import JsonSchemaValue from './json-schema-value.schema.json';
import Label from './label.schema.json';
import Markdown from './markdown.schema.json';
import Metric from './metric.schema.json';
import Scalar from './scalar.schema.json';
import SortKey from './sort-key.schema.json';
import SourceFilter from './source-filter.schema.json';
import TextOrExpression from './text-or-expression.schema.json';
import WorkflowSource from './workflow-source.schema.json';

const Source: JsonSchema = {
  description: 'Where a component gets its data: an entity query, a connector operation or a workflow.',
  type: 'object',
  discriminator: { propertyName: 'kind' },
  oneOf: [{ $ref: '#/$defs/EntitySource' }, { $ref: '#/$defs/ConnectorSource' }, { $ref: '#/$defs/WorkflowSource' }],
};

export const commonDefs: Record<string, JsonSchema> = {
  AppId,
  Identifier,
  FieldPath,
  Label,
  Markdown,
  Expression,
  TextOrExpression,
  Scalar,
  FieldOperators,
  Filter,
  SourceFilter,
  SortKey,
  JsonSchemaValue,
  Metric,
  Duration,
  EntitySource,
  ConnectorSource,
  WorkflowSource,
  Source,
};
