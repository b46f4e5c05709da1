import { InputNumber } from 'antd';
import type { NumberField } from '@tessera/core';
import { useT, defineFieldRenderer, EmptyValue, formatNumber } from '@tessera/renderer/kit';

function NumberDisplay({ value }: { value: unknown }) {
  const { locale } = useT();
  return typeof value === 'number' ? (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatNumber(value, locale)}</span>
  ) : (
    <EmptyValue />
  );
}

export const numberField = defineFieldRenderer<NumberField>({
  type: 'number',
  // No min/max on the widget: antd would silently clamp, hiding the validation message.
  Input: ({ field, value, onChange, disabled, placeholder, status, id }) => (
    <InputNumber
      id={id}
      value={typeof value === 'number' ? value : null}
      onChange={(v) => onChange(v ?? undefined)}
      disabled={disabled}
      placeholder={placeholder}
      status={status}
      precision={field.integer ? 0 : undefined}
      style={{ width: '100%' }}
    />
  ),
  Display: NumberDisplay,
  text: (_f, v) => (typeof v === 'number' ? String(v) : ''),
});
