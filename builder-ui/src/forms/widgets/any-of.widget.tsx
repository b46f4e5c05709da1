/**
 * anyOf/oneOf: a switch between the branches (e.g. "value" or "ƒx expression" for a default),
 * then the chosen branch's own widget.
 */
import { Segmented, Space } from 'antd';
import { useState } from 'react';
import type { JsonSchema } from '@tessera/core';
import { SchemaField } from '../schema-field';
import { initialValue, matchesBranch, refName, resolve } from '../schema-utils';
import type { WidgetProps } from '../widget.types';

function branchTitle(branch: JsonSchema, root: JsonSchema): string {
  const named = refName(branch);
  if (named === 'Expression') return 'ƒx';
  const s = resolve(branch, root);
  return s.title ?? (s.enum ? 'choice' : String(s.type ?? named ?? 'value'));
}

export function AnyOfWidget({ schema, root, value, onChange, path, label }: WidgetProps) {
  const s = resolve(schema, root);
  const branches = s.anyOf ?? s.oneOf ?? [];
  const found = branches.findIndex((b) => matchesBranch(value, b, root));
  // An unset value has no branch of its own: the one chosen last is kept, so ƒx can be picked before typing.
  const [chosen, setChosen] = useState(0);
  const active = found >= 0 ? found : chosen;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={4}>
      <Segmented
        size="small"
        value={active}
        options={branches.map((b, i) => ({ value: i, label: branchTitle(b, root) }))}
        onChange={(i) => {
          setChosen(i as number);
          onChange(value === undefined ? undefined : initialValue(branches[i as number], root), path);
        }}
      />
      <SchemaField
        schema={branches[active]}
        root={root}
        value={found >= 0 ? value : undefined}
        label={label}
        path={path}
        onChange={onChange}
      />
    </Space>
  );
}
