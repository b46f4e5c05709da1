import type { Field, MoneyField, RollupField } from '@tessera/core';
import { findEntity, findField, useRenderer, defineFieldRenderer, type FieldDisplayProps, getFieldRenderer } from '@tessera/renderer/kit';

/** A sum of money reads as money; counts and other aggregates as numbers. */
function RollupDisplay({ field, ...rest }: FieldDisplayProps<RollupField>) {
  const { definition } = useRenderer();
  const source = field.field ? findField(findEntity(definition, field.entity), field.field) : undefined;
  const asMoney = source?.type === 'money' && field.aggregate !== 'count';
  const asType = (
    asMoney ? { id: field.id, type: 'money', currency: (source as MoneyField).currency } : { id: field.id, type: 'number' }
  ) as Field;
  const { Display } = getFieldRenderer(asType.type);
  return <Display field={asType} {...rest} />;
}

export const rollupField = defineFieldRenderer<RollupField>({
  type: 'rollup',
  Display: RollupDisplay,
  text: (_f, v) => (v === undefined || v === null ? '' : String(v)),
});
