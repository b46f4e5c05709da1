import { Select } from 'antd';
import type { EnumField } from '@tessera/core';
import { defineFieldRenderer, type FieldInputProps, EmptyValue, isEmpty } from '@tessera/renderer/kit';
import { OptionTag, useOptionItems } from './option-tag.render';

function EnumInput({ field, value, onChange, disabled, placeholder, status, id }: FieldInputProps<EnumField>) {
  const items = useOptionItems(field.options);
  return (
    <Select
      id={id}
      value={isEmpty(value) ? undefined : value}
      onChange={(v) => onChange(v ?? undefined)}
      options={items}
      disabled={disabled}
      placeholder={placeholder}
      status={status}
      allowClear={!field.required}
      optionFilterProp="title"
      showSearch={field.options.length > 8}
      style={{ width: '100%' }}
    />
  );
}

export const enumField = defineFieldRenderer<EnumField>({
  type: 'enum',
  Input: EnumInput,
  Display: ({ field, value }) => (isEmpty(value) ? <EmptyValue /> : <OptionTag options={field.options} value={value} />),
  text: (_f, v) => (isEmpty(v) ? '' : String(v)),
});
