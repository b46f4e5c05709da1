/**
 * @tessera/core: the JSON Schemas of app definitions and connector manifests, the types
 * generated from them, the type registries the builder and runtime dispatch on, validators with
 * readable errors, and schema migrations. Browser-safe: no node: imports.
 */
export type * from './generated/app-definition';
export type { AppDefinition as AppDefinitionInput } from './generated/app-definition.input';
export type {
  AuthScheme,
  CallPolicy,
  ConnectorManifest,
  ConnectorTrigger,
  HttpBinding,
  Operation as ConnectorOperation,
  Pagination,
} from './generated/connector-manifest';

export { pascalCase, type FieldKind, type JsonSchema } from './json-schema';
export type {
  Draft,
  DraftComponent,
  DraftEntity,
  DraftField,
  DraftIndex,
  DraftNavItem,
  DraftPage,
  DraftPermission,
  DraftRole,
  DraftSource,
  Expr as DraftExpr,
  FieldAccess as DraftFieldAccess,
  Json as DraftJson,
  PermissionAction as DraftPermissionAction,
} from './definition/draft.types';
export { allComponentIds, mapAllComponents, walkComponents } from './definition/draft-components';
export type { RefKind, RefSpec } from './ref-spec';
export { createRegistry, inOrder, type Registry } from './registry/registry';
export type { GroupTexts, TypeText, TypeTexts } from './registry/type-texts';
export { groupTexts } from './registry/group-texts';

export { fieldTypes } from './field-types/field-types.index';
export { filterOperatorsOf, getFieldType, isFilterable, isStoredField, storageKindOf } from './field-types/field-queries';
export {
  CsvCellError,
  fieldSchema,
  OPERATORS,
  type FieldCsv,
  type FieldTypeDescriptor,
  type FilterKind,
  type FilterOperator,
  type SampleContext,
} from './field-types/field-type';
export { componentTypes } from './component-types/component-types.index';
export { queriedFields } from './component-types/queried-fields';
export type { ComponentTypeDescriptor } from './component-types/component-type';
export { triggerTypes } from './trigger-types/trigger-types.index';
export type { TriggerTypeDescriptor } from './trigger-types/trigger-type';
export { nodeTypes } from './node-types/node-types.index';
export type { NodeTypeDescriptor } from './node-types/node-type';

export { allDefs, APP_DEFINITION_SCHEMA_ID, buildAppDefinitionSchema, standaloneSchema } from './definition/app-definition.build';
export { buildConnectorManifestSchema, CONNECTOR_MANIFEST_SCHEMA_ID } from './definition/connector-manifest.build';

export { createAjv } from './validate/ajv.factory';
export { formatAjvErrors } from './validate/ajv-errors.format';
export {
  provideDefinitionSchemaValidator,
  validateDefinition,
  type DefinitionOptions,
  type DefinitionResult,
} from './validate/definition.validator';
export type { ConnectorResolver } from './validate/semantic/connections.check';
export { createRecordValidator, entityRecordSchema, type RecordMode, type RecordValidationResult } from './validate/record.validator';
export { applyDefaults, defaultOf, defaultValue, DefaultFailedError, type DefaultRun, type DefaultUser } from './validate/record.defaults';
export { validateConnectorManifest, type ManifestResult } from './validate/connector-manifest.validator';
export { checkSemantics } from './validate/semantic/semantic.validator';
export { RECORD_SYSTEM_FIELDS as SYSTEM_FIELDS } from './query/field-path';
export { formatIssues, joinPointer, type ValidationIssue } from './validate/validation-issue';
export { issueCode, type IssueCode } from './validate/issue-code';

export { searchFieldsOf, searchTerms, matchesSearch, foldSearchText, MAX_SEARCH_TERMS } from './search/quick-search';
export { migrateDefinition } from './migrations/migrate';
export { CURRENT_SCHEMA_VERSION, defineMigrations, type Migration, type MigrationResult } from './migrations/migration';
export { migrations } from './migrations/migrations.index';
export { seededRandom } from './random/seeded-random';
export * from './aggregate/index';
export { entityCollectionSpec, matchesEntityFilter, storedFields, type StoredField } from './store/entity-collection';
export { addComputedFields, computeError, COMPUTE_ERRORS, type ComputeOptions } from './field-types/computed/computed.read';
export { expressionLimitProblems } from './validate/expression-dry-run';
export { isEmailAddress } from './common/email';
export { MAX_JSON_DEPTH, tooDeepAt } from './common/json-depth';
