/**
 * The value input of one filter rule, typed by the field's type and the operator. A value given
 * by an expression (`{ "$expr": "$params.id" }`) is edited as one.
 */
import { FunctionOutlined } from '@ant-design/icons';
import { DatePicker, Input, InputNumber, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { fieldTypes } from '@tessera/core';
import type { DraftField } from '../store/draft.types';
import { labelText } from '../store/draft.types';
import { isExpression } from '@tessera/core/expressions';
import { type Op } from './filter-model';

export function RuleValueInput({ field, op, value, onChange }: { field?: DraftField; op: Op; value: unknown; onChange(v: unknown): void }) {
  const type = field?.type;
  const options = (field?.options as Array<{ value: string; label?: unknown }> | undefined)?.map((o) => ({
    value: o.value,
    label: labelText(o.label, 'en', o.value),
  }));
  if (isExpression(value)) {
    return (
      <Input
        aria-label="value"
        prefix={<FunctionOutlined />}
        style={{ width: 180, fontFamily: 'monospace' }}
        value={value.$expr}
        onChange={(e) => onChange({ $expr: e.target.value })}
      />
    );
  }
  if (op === '$exists') return <Switch aria-label="value" checked={value !== false} onChange={onChange} />;
  if (op === '$in' || op === '$nin') {
    return (
      <Select
        aria-label="value"
        mode={options ? 'multiple' : 'tags'}
        style={{ minWidth: 180 }}
        value={(value as string[]) ?? []}
        options={options}
        onChange={onChange}
      />
    );
  }
  if (type === 'boolean')
    return (
      <Select
        aria-label="value"
        style={{ width: 100 }}
        value={value as boolean}
        options={[
          { value: true, label: 'true' },
          { value: false, label: 'false' },
        ]}
        onChange={onChange}
      />
    );
  if (options) return <Select aria-label="value" style={{ minWidth: 140 }} value={value as string} options={options} onChange={onChange} />;
  if (type && fieldTypes.get(type)?.numeric)
    return <InputNumber aria-label="value" value={value as number} onChange={(v) => onChange(v ?? null)} />;
  if (type === 'date' || type === 'datetime') {
    return (
      <DatePicker
        aria-label="value"
        value={typeof value === 'string' && value ? dayjs(value) : null}
        onChange={(d) => onChange(d ? (type === 'date' ? d.format('YYYY-MM-DD') : d.toISOString()) : null)}
      />
    );
  }
  return <Input aria-label="value" style={{ width: 180 }} value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value)} />;
}
