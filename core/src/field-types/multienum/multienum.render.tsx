import { Select } from 'antd';
import type { MultienumField } from '@tessera/core';
import { OptionTag, useOptionItems } from '../enum/option-tag.render';
import { defineFieldRenderer, type FieldInputProps, EmptyValue, isEmpty } from '@tessera/renderer/kit';

function MultienumInput({ field, value, onChange, disabled, placeholder, status, id }: FieldInputProps<MultienumField>) {
  const items = useOptionItems(field.options);
  return (
    <Select
      id={id}
      mode="multiple"
      value={Array.isArray(value) ? value : []}
      onChange={(v) => onChange(v)}
      options={items}
      disabled={disabled}
      placeholder={placeholder}
      status={status}
      optionFilterProp="title"
      maxCount={field.maxItems}
      allowClear
      style={{ width: '100%' }}
    />
  );
}

export const multienumField = defineFieldRenderer<MultienumField>({
  type: 'multienum',
  Input: MultienumInput,
  Display: ({ field, value }) =>
    isEmpty(value) || !Array.isArray(value) ? (
      <EmptyValue />
    ) : (
      <span style={{ display: 'inline-flex', flexWrap: 'wrap', rowGap: 4 }}>
        {value.map((v) => (
          <OptionTag key={String(v)} options={field.options} value={v} />
        ))}
      </span>
    ),
  text: (_f, v) => (Array.isArray(v) ? v.join(';') : ''),
});
