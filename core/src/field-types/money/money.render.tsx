import { InputNumber } from 'antd';
import type { MoneyField } from '@tessera/core';
import { useT, defineFieldRenderer, type FieldInputProps, EmptyValue, currencySymbol, formatMoney } from '@tessera/renderer/kit';

function MoneyInput({ field, value, onChange, disabled, placeholder, status, id }: FieldInputProps<MoneyField>) {
  const { locale } = useT();
  return (
    <InputNumber
      id={id}
      value={typeof value === 'number' ? value : null}
      onChange={(v) => onChange(v ?? undefined)}
      disabled={disabled}
      placeholder={placeholder}
      status={status}
      prefix={currencySymbol(field.currency, locale)}
      precision={2}
      style={{ width: '100%' }}
    />
  );
}

function MoneyDisplay({ field, value }: { field: MoneyField; value: unknown }) {
  const { locale } = useT();
  return typeof value === 'number' ? (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(value, field.currency, locale)}</span>
  ) : (
    <EmptyValue />
  );
}

export const moneyField = defineFieldRenderer<MoneyField>({
  type: 'money',
  Input: MoneyInput,
  Display: MoneyDisplay,
  text: (_f, v) => (typeof v === 'number' ? String(v) : ''),
});
