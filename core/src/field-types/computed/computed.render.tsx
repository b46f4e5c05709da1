import type { ComputedField, Field } from '@tessera/core';
import { defineFieldRenderer, type FieldDisplayProps, getFieldRenderer } from '@tessera/renderer/kit';

/** Shown like a field of its resultType (a number formula reads as a number). */
function ComputedDisplay({ field, ...rest }: FieldDisplayProps<ComputedField>) {
  const asType = { id: field.id, type: field.resultType ?? 'text' } as Field;
  const { Display } = getFieldRenderer(asType.type);
  return <Display field={asType} {...rest} />;
}

export const computedField = defineFieldRenderer<ComputedField>({
  type: 'computed',
  Display: ComputedDisplay,
  text: (_f, v) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)),
});
