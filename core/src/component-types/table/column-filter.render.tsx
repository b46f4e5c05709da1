/**
 * Per-column filters. Each filter kind edits the column's filter clause directly (`{ $regex }`,
 * `{ $gte, $lte }`, `{ $in }`…), so a saved view's `filter` is just `{ field: clause, … }` and
 * restores the dropdowns exactly.
 */
import { Button, Checkbox, DatePicker, Flex, Input, InputNumber, Radio } from 'antd';
import dayjs from 'dayjs';
import { useState, type ComponentType } from 'react';
import type { Field } from '@tessera/core';
import type { FilterKind } from '@tessera/core';
import { RelationPicker } from '../../field-types/relation/relation-picker.render';
import { useT } from '@tessera/renderer/kit';

export type Clause = unknown;
interface EditorProps {
  field: Field;
  clause: Clause;
  onChange(clause: Clause | undefined): void;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unescapeRegex = (s: string) => s.replace(/\\(.)/g, '$1');
type Range = { $gte?: unknown; $lte?: unknown };

function TextFilter({ clause, onChange }: EditorProps) {
  const { t } = useT();
  const current = (clause as { $regex?: string } | undefined)?.$regex;
  return (
    <Input.Search
      autoFocus
      allowClear
      placeholder={t('table.filterContains')}
      defaultValue={current ? unescapeRegex(current) : ''}
      onSearch={(v) => onChange(v.trim() ? { $regex: escapeRegex(v.trim()), $options: 'i' } : undefined)}
      style={{ width: 220 }}
    />
  );
}

function NumberFilter({ clause, onChange }: EditorProps) {
  const { t } = useT();
  const [range, setRange] = useState<Range>((clause as Range) ?? {});
  const apply = () =>
    onChange(range.$gte == null && range.$lte == null ? undefined : Object.fromEntries(Object.entries(range).filter(([, v]) => v != null)));
  return (
    <Flex gap={8} align="center">
      <InputNumber
        placeholder={t('table.min')}
        value={range.$gte as number}
        onChange={(v) => setRange({ ...range, $gte: v ?? undefined })}
      />
      <InputNumber
        placeholder={t('table.max')}
        value={range.$lte as number}
        onChange={(v) => setRange({ ...range, $lte: v ?? undefined })}
      />
      <Button type="primary" size="small" onClick={apply}>
        {t('common.apply')}
      </Button>
    </Flex>
  );
}

function DateFilter({ field, clause, onChange }: EditorProps) {
  const range = (clause as Range) ?? {};
  const toValue = (d: dayjs.Dayjs, end: boolean) =>
    field.type === 'date' ? d.format('YYYY-MM-DD') : (end ? d.endOf('day') : d.startOf('day')).toISOString();
  return (
    <DatePicker.RangePicker
      allowEmpty={[true, true]}
      value={[range.$gte ? dayjs(String(range.$gte)) : null, range.$lte ? dayjs(String(range.$lte)) : null]}
      onChange={(v) => {
        const [from, to] = v ?? [];
        onChange(from || to ? { ...(from ? { $gte: toValue(from, false) } : {}), ...(to ? { $lte: toValue(to, true) } : {}) } : undefined);
      }}
    />
  );
}

function OptionsFilter({ field, clause, onChange }: EditorProps) {
  const { label } = useT();
  const options = (field as { options?: Array<{ value: string; label?: unknown }> }).options ?? [];
  const values = ((clause as { $in?: string[] })?.$in ?? []) as string[];
  return (
    <Checkbox.Group
      value={values}
      onChange={(v) => onChange(v.length ? { $in: v } : undefined)}
      options={options.map((o) => ({ value: o.value, label: label(o.label as never, o.value) }))}
      style={{ display: 'grid', gap: 6, maxHeight: 280, overflow: 'auto' }}
    />
  );
}

function BooleanFilter({ clause, onChange }: EditorProps) {
  const { t } = useT();
  const value = typeof clause === 'boolean' ? String(clause) : 'any';
  return (
    <Radio.Group
      value={value}
      onChange={(e) => onChange(e.target.value === 'any' ? undefined : e.target.value === 'true')}
      options={[
        { value: 'any', label: '—' },
        { value: 'true', label: t('common.yes') },
        { value: 'false', label: t('common.no') },
      ]}
    />
  );
}

function RelationFilter({ field, clause, onChange }: EditorProps) {
  const values = ((clause as { $in?: string[] })?.$in ?? []) as string[];
  return (
    <div style={{ width: 260 }}>
      <RelationPicker
        field={{ ...field, many: true } as never}
        value={values}
        onChange={(v) => onChange(Array.isArray(v) && v.length ? { $in: v } : undefined)}
      />
    </div>
  );
}

export const FILTER_EDITORS: Partial<Record<FilterKind, ComponentType<EditorProps>>> = {
  text: TextFilter,
  number: NumberFilter,
  date: DateFilter,
  options: OptionsFilter,
  boolean: BooleanFilter,
  relation: RelationFilter,
};

export function FilterDropdown({ kind, close, ...props }: EditorProps & { kind: FilterKind; close(): void }) {
  const { t } = useT();
  const Editor = FILTER_EDITORS[kind];
  if (!Editor) return null;
  return (
    <div style={{ padding: 12, display: 'grid', gap: 10 }} onKeyDown={(e) => e.stopPropagation()}>
      <Editor
        {...props}
        onChange={(c) => {
          props.onChange(c);
          if (kind === 'text') close();
        }}
      />
      <Flex justify="space-between">
        <Button
          size="small"
          type="link"
          disabled={props.clause === undefined}
          onClick={() => {
            props.onChange(undefined);
            close();
          }}
        >
          {t('common.reset')}
        </Button>
        <Button size="small" onClick={close}>
          {t('common.close')}
        </Button>
      </Flex>
    </div>
  );
}
