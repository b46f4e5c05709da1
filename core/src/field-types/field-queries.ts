/**
 * What the filter and sort parts of the builder and the renderer may offer on a field, from its
 * type's descriptor: the published API refuses to filter or sort on fields evaluated on read
 * (computed, rollup), so those are offered neither. Unknown types offer nothing.
 */
import { fieldTypes } from './field-types.index';
import type { FieldLike, FilterOperator } from './field-type';

/** Whether the field's values are stored (and so can be filtered, sorted, indexed and written). */
export const isStoredField = (field: FieldLike): boolean => fieldTypes.get(field.type)?.stored ?? false;

/** The operators a filter rule on the field may use; empty when it cannot be filtered on. */
export function filterOperatorsOf(field: FieldLike): readonly FilterOperator[] {
  const d = fieldTypes.get(field.type);
  return d?.stored ? d.operators : [];
}

export const isFilterable = (field: FieldLike): boolean => filterOperatorsOf(field).length > 0;
