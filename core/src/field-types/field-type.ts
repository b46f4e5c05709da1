/**
 * What a field type folder exports: its schema (the field's definition object), how the builder
 * shows it, and how storage and record validation treat its values. Adding a type means adding a
 * folder and one line in field-types.index.ts; nothing else dispatches on field types.
 */
import { ref, type FieldKind, type JsonSchema } from '../json-schema';

export interface FieldLike {
  id: string;
  type: string;
}

export interface FieldTypeDescriptor<F extends FieldLike = FieldLike> {
  type: string;
  title: string;
  description: string;
  /** An @ant-design/icons component name. */
  icon: string;
  group: 'text' | 'number' | 'choice' | 'date' | 'relation' | 'advanced';
  /** JSON Schema of the whole field definition object (common properties merged in). */
  schema: JsonSchema;
  /** The field dropped on the data model designer (the builder assigns the id). */
  scaffold: Record<string, unknown>;
  /** How storage holds the value. */
  storageKind: FieldKind;
  /** When the storage kind depends on the field's settings (a relation with `many` is an array). */
  storageKindFor?(field: F): FieldKind;
  /**
   * Whether the quick search of lists can match this field by word prefix: 'default' puts it in
   * an entity's search index unless the entity lists `searchFields`, 'allowed' only when listed.
   */
  searchable?: 'default' | 'allowed';
  /** false for computed and rollup: evaluated on read, never written. */
  stored: boolean;
  /** JSON Schema of a record value for this field (without null; the record schema adds it). */
  valueSchema(field: F): JsonSchema;
}

const bool = (description: string): JsonSchema => ({ type: 'boolean', default: false, description });

/** Properties every field has; computed and rollup fields get only the first five. */
const virtualProps: Record<string, JsonSchema> = {
  id: { ...ref('Identifier'), description: 'Stable id: the storage key and API property name.' },
  type: {},
  label: { ...ref('Label'), description: 'Shown in forms and column headers (defaults to the id).' },
  description: { type: 'string', maxLength: 2000, description: 'Help text shown under the input.' },
  hidden: bool('Not shown in generated forms and tables.'),
};
const storedProps: Record<string, JsonSchema> = {
  ...virtualProps,
  required: bool('A value must be present on create and cannot be cleared.'),
  unique: bool('No two records may share a value (enforced by a unique index).'),
  indexed: bool('Create a storage index so filters and sorts on this field are fast.'),
  readOnly: bool('Writable on create only; updates through the API are refused.'),
};

/** Merges the common properties into a type's own schema file. */
export function fieldSchema(own: JsonSchema, stored: boolean): JsonSchema {
  const { type: typeProp, ...specific } = own.properties ?? {};
  const common = stored ? storedProps : virtualProps;
  return {
    type: 'object',
    ...(own.description ? { description: own.description } : {}),
    properties: { ...common, type: typeProp, ...specific },
    required: ['id', 'type', ...(own.required ?? [])],
    additionalProperties: false,
  };
}

export function defineFieldType<F extends FieldLike>(
  spec: Omit<FieldTypeDescriptor<F>, 'schema'> & { ownSchema: JsonSchema },
): FieldTypeDescriptor<F> {
  const { ownSchema, ...rest } = spec;
  return { ...rest, schema: fieldSchema(ownSchema, spec.stored) };
}

