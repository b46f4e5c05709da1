/** An object: one labelled row per property, with the schema's description as help. */
import { Form } from 'antd';
import { SchemaField } from '../schema-field';
import { humanize, resolve } from '../schema-utils';
import type { WidgetProps } from '../widget.types';

export function ObjectWidget({ schema, root, value, onChange, path }: WidgetProps) {
  const s = resolve(schema, root);
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const required = new Set(s.required ?? []);
  const set = (key: string, v: unknown, changed?: string[]) => {
    const next = { ...obj };
    if (v === undefined) delete next[key];
    else next[key] = v;
    onChange(next, changed);
  };
  return (
    <>
      {Object.entries(s.properties ?? {}).map(([key, prop]) => {
        const resolved = resolve(prop, root);
        if (resolved.const !== undefined && key === 'type') return null; // the type is chosen elsewhere
        return (
          <Form.Item
            key={key}
            label={resolved.title ?? humanize(key)}
            required={required.has(key)}
            tooltip={resolved.description}
            style={{ marginBottom: 12 }}
          >
            <SchemaField schema={prop} root={root} value={obj[key]} label={[...path, key].join('.')} path={[...path, key]} onChange={(v, p) => set(key, v, p)} />
          </Form.Item>
        );
      })}
    </>
  );
}
