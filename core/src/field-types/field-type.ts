/**
 * What a field type folder exports: its schema (the field's definition object), how the builder
 * shows it, how storage, queries, CSV and record validation treat its values, the references its
 * settings make, and its demo values. Every place that behaves differently per field type reads
 * the descriptor; adding a type is one folder plus `npm run gen` (see core/README.md).
 */
import { ref, type FieldKind, type JsonSchema } from '../json-schema';
import type { RefSpec } from '../ref-spec';
import { englishTexts, type TypeTexts } from '../registry/type-texts';
import type { Entity } from '../generated/app-definition';

export interface FieldLike {
  id: string;
  type: string;
}

/** The comparison operators of the filter language a builder rule can use. */
export type FilterOperator = '$eq' | '$ne' | '$gt' | '$gte' | '$lt' | '$lte' | '$in' | '$nin' | '$regex' | '$exists';

/** The column filter a table shows for a field of this type ('none': no column filter). */
export type FilterKind = 'text' | 'number' | 'options' | 'boolean' | 'date' | 'relation' | 'none';

/** What the demo-data generator and the builder's expression preview give a sample value. */
export interface SampleContext {
  rng(): number;
  /** Position of the record in its entity (0-based), for unique values. */
  index: number;
  entity: Entity;
  /** A random existing record id of another entity (relations). */
  pick(entity: string): string | undefined;
  /** Values already generated for this record (a lastName after a firstName). */
  record: Record<string, unknown>;
}

/**
 * A CSV cell that cannot become a value of its field's type. `code` names the message
 * (`validation.<code>` in the renderer's texts); the message is the API's English text.
 */
export class CsvCellError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FieldCsv<F extends FieldLike = FieldLike> {
  /** A non-empty, trimmed cell to a value (throws CsvCellError); absent: the raw cell is kept. */
  parse?(cell: string, field: F, raw: string): unknown;
  /** A stored value to one cell; absent: lists joined with `;`, objects as JSON. */
  format?(value: unknown, field: F): string;
}

export interface FieldTypeDescriptor<F extends FieldLike = FieldLike> {
  type: string;
  /** Position in the palette and in lists of this kind (lower first; unset: last, by type). */
  order?: number;
  /** English title and description, from `texts` (the builder shows them in its locale). */
  title: string;
  description: string;
  /** `<type>.texts.json`: title, description and renderer texts per locale. */
  texts: TypeTexts;
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
  /** false for computed and rollup: evaluated on read, never written, filtered or sorted on. */
  stored: boolean;
  /** JSON Schema of a record value for this field (without null; the record schema adds it). */
  valueSchema(field: F): JsonSchema;
  /** Filter operators the builder's query rules offer (none: the type is not filtered on). */
  operators: readonly FilterOperator[];
  /** The column filter of tables. */
  filterKind: FilterKind;
  /** Values are numbers: number inputs in filter rules, right-aligned table cells. */
  numeric?: boolean;
  /** A rollup may sum/avg/min/max this field (numbers and dates). */
  aggregatable?: boolean;
  /** How CSV import reads a cell and export writes one. */
  csv?: FieldCsv<F>;
  /** Where the field's settings name other parts of the definition (relation `to`, rollup `entity`, `via`…).
   * Field refs are about the entity the setting `entity` names (as for nodes), else the field's own entity. */
  refs?: RefSpec[];
  /** A plausible value for demo data and the builder's expression preview (undefined: none, e.g. evaluated on read). */
  sample(field: F, ctx: SampleContext): unknown;
  /** Whether the field's `unique` ignores letter case (emails always do; a text field when it says so). */
  uniqueIgnoresCase?(field: F): boolean;
  /** A field of this type can say whose a record is (an entity's `ownerField`). */
  owner?: boolean;
  /**
   * Rules on the field's settings that its schema and refs cannot say (options that must differ,
   * a rollup's `via` pointing back), checked when a definition is validated.
   */
  check?(field: F, ctx: FieldCheckContext): void;
}

/** What a field type's `check` may look at and where it reports. */
export interface FieldCheckContext {
  /** The id of the entity the field belongs to. */
  entity: string;
  /** A field of an entity of the definition (undefined when either is unknown: the field's refs report that). */
  fieldOf(entity: string, field: string): FieldLike | undefined;
  /** The descriptor of a field type (a check may ask about another field's). */
  typeOf(type: string): FieldTypeDescriptor;
  /** `path` is relative to the field. */
  report(path: Array<string | number>, message: string): void;
}

/** Operator lists shared by several types (a type may list its own). */
export const OPERATORS = {
  text: ['$eq', '$ne', '$regex', '$in', '$nin', '$exists'],
  ordered: ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$exists'],
  options: ['$eq', '$ne', '$in', '$nin', '$exists'],
  boolean: ['$eq', '$ne', '$exists'],
  none: [],
} as const satisfies Record<string, readonly FilterOperator[]>;

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
  spec: Omit<FieldTypeDescriptor<F>, 'schema' | 'title' | 'description'> & { ownSchema: JsonSchema },
): FieldTypeDescriptor<F> {
  const { ownSchema, ...rest } = spec;
  return { ...rest, ...englishTexts(spec.texts), schema: fieldSchema(ownSchema, spec.stored) };
}
