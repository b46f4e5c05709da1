/** An object: one labelled row per property, with the schema's description as help. */
import { Form } from 'antd';
import type { JsonSchema } from '@tessera/core';
import { memo } from 'react';
import { SchemaField } from '../schema-field';
import { humanize, resolve } from '../schema-utils';
import { sameField, useChildChange } from '../stable-change';
import type { WidgetProps } from '../widget.types';

export function ObjectWidget({ schema, root, value, onChange, path }: WidgetProps) {
  const s = resolve(schema, root);
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const required = new Set(s.required ?? []);
  const handlerFor = useChildChange((key: string, v: unknown, changed?: string[]) => {
    const next = { ...obj };
    if (v === undefined) delete next[key];
    else next[key] = v;
    onChange(next, changed);
  });
  return (
    <>
      {Object.entries(s.properties ?? {}).map(([key, prop]) => {
        const resolved = resolve(prop, root);
        if (resolved.const !== undefined && key === 'type') return null; // the type is chosen elsewhere
        return (
          <PropertyRow
            key={key}
            name={key}
            resolved={resolved}
            required={required.has(key)}
            schema={prop}
            root={root}
            value={obj[key]}
            path={path}
            onChange={handlerFor(key)}
          />
        );
      })}
    </>
  );
}

type RowProps = WidgetProps & { name: string; resolved: JsonSchema; required: boolean };

/** Memoised with its Form.Item, so an edit elsewhere in the object does not re-render this row. */
const PropertyRow = memo(
  function PropertyRow({ name, resolved, required, schema, root, value, path, onChange }: RowProps) {
    const childPath = [...path, name];
    return (
      <Form.Item label={resolved.title ?? humanize(name)} required={required} tooltip={resolved.description} style={{ marginBottom: 12 }}>
        <SchemaField schema={schema} root={root} value={value} label={childPath.join('.')} path={childPath} onChange={onChange} />
      </Form.Item>
    );
  },
  (a, b) => a.name === b.name && a.required === b.required && a.resolved === b.resolved && sameField(a, b),
);
