/** Widgets for single values: text, markdown, numbers, switches, enums, references. */
import { AutoComplete, Input, InputNumber, Select, Switch } from 'antd';
import { optionsKey, refAt, useFormContext } from '../form-context';
import { resolve } from '../schema-utils';
import type { WidgetProps } from '../widget.types';

const orUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export function StringWidget({ schema, root, value, onChange, path, label }: WidgetProps) {
  const s = resolve(schema, root);
  return (
    <Input
      aria-label={label}
      value={(value as string) ?? ''}
      placeholder={s.default !== undefined ? String(s.default) : undefined}
      maxLength={s.maxLength as number | undefined}
      onChange={(e) => onChange(orUndefined(e.target.value), path)}
    />
  );
}

export function MarkdownWidget({ value, onChange, path, label }: WidgetProps) {
  return (
    <Input.TextArea
      aria-label={label}
      autoSize={{ minRows: 3, maxRows: 12 }}
      value={(value as string) ?? ''}
      onChange={(e) => onChange(e.target.value, path)}
    />
  );
}

export function NumberWidget({ schema, root, value, onChange, path, label }: WidgetProps) {
  const s = resolve(schema, root);
  return (
    <InputNumber
      aria-label={label}
      style={{ width: '100%' }}
      value={value as number | undefined}
      min={s.minimum as number | undefined}
      max={s.maximum as number | undefined}
      precision={s.type === 'integer' ? 0 : undefined}
      placeholder={s.default !== undefined ? String(s.default) : undefined}
      onChange={(v) => onChange(v ?? undefined, path)}
    />
  );
}

export function BooleanWidget({ schema, root, value, onChange, path, label }: WidgetProps) {
  const s = resolve(schema, root);
  return (
    <Switch
      aria-label={label}
      checked={(value as boolean | undefined) ?? (s.default as boolean) ?? false}
      onChange={(v) => onChange(v, path)}
    />
  );
}

export function EnumWidget({ schema, root, value, onChange, path, label }: WidgetProps) {
  const s = resolve(schema, root);
  return (
    <Select
      aria-label={label}
      allowClear
      style={{ width: '100%' }}
      value={value as string | undefined}
      placeholder={s.default !== undefined ? String(s.default) : undefined}
      options={(s.enum ?? []).map((v) => ({ value: v as string, label: String(v) }))}
      onChange={(v) => onChange(v ?? undefined, path)}
    />
  );
}

/** `const` values (a field's `type`) are fixed by the schema: shown, not editable. */
export function ConstWidget({ schema, root }: WidgetProps) {
  return <Input disabled value={String(resolve(schema, root).const)} />;
}

/** A string that names something else in the app (a field, a page…): pick from what exists, or type. */
export function RefWidget({ value, onChange, path, label }: WidgetProps) {
  const ctx = useFormContext();
  const spec = refAt(
    ctx.refs,
    path.map((p) => (/^\d+$/.test(p) ? '*' : p)),
  )!;
  const kind = spec.kind;
  const options = ctx.options(optionsKey(spec));
  return (
    <AutoComplete
      aria-label={label}
      style={{ width: '100%' }}
      value={(value as string) ?? ''}
      options={options}
      allowClear
      placeholder={kind}
      filterOption={(input, o) =>
        String(o?.value ?? '')
          .toLowerCase()
          .includes(input.toLowerCase()) ||
        String(o?.label ?? '')
          .toLowerCase()
          .includes(input.toLowerCase())
      }
      onChange={(v) => onChange(orUndefined(v), path)}
    />
  );
}

/** A filter value: string, number, boolean or null, typed by what the user enters. */
export function ScalarWidget({ value, onChange, path, label }: WidgetProps) {
  return (
    <Input
      aria-label={label}
      value={value === null || value === undefined ? '' : String(value)}
      onChange={(e) => onChange(e.target.value, path)}
    />
  );
}
