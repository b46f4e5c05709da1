/**
 * Lookups by a field's type. What the filter and sort parts of the builder and the renderer may offer on a field, from its
 * type's descriptor: the published API refuses to filter or sort on fields evaluated on read
 * (computed, rollup), so those are offered neither. Unknown types offer nothing.
 */
import type { FieldKind } from '../json-schema';
import { fieldTypes } from './field-types.index';
import type { FieldLike, FieldTypeDescriptor, FilterOperator } from './field-type';

/** The descriptor of a field's type; definitions are validated first, so an unknown type is a bug. */
export function getFieldType(type: string): FieldTypeDescriptor {
  const descriptor = fieldTypes.get(type);
  if (!descriptor) throw new Error(`unknown field type "${type}"`);
  return descriptor;
}

export function storageKindOf(field: FieldLike): FieldKind {
  const descriptor = getFieldType(field.type);
  return descriptor.storageKindFor?.(field) ?? descriptor.storageKind;
}

/** Whether the field's values are stored (and so can be filtered, sorted, indexed and written). */
export const isStoredField = (field: FieldLike): boolean => fieldTypes.get(field.type)?.stored ?? false;

/** The operators a filter rule on the field may use; empty when it cannot be filtered on. */
export function filterOperatorsOf(field: FieldLike): readonly FilterOperator[] {
  const d = fieldTypes.get(field.type);
  return d?.stored ? d.operators : [];
}

export const isFilterable = (field: FieldLike): boolean => filterOperatorsOf(field).length > 0;
