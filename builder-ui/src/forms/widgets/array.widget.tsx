/**
 * Arrays: objects become a list of small cards (add, remove, reorder); scalars become a tag or
 * multiple select (enum items or declared references get their choices).
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { refKindAt, useFormContext } from '../form-context';
import { SchemaField } from '../schema-field';
import { initialValue, resolve } from '../schema-utils';
import { useChildChange } from '../stable-change';
import type { WidgetProps } from '../widget.types';

export function ArrayWidget(props: WidgetProps) {
  const { schema, root, value, onChange, path, label } = props;
  const { t } = useTranslation();
  const ctx = useFormContext();
  const s = resolve(schema, root);
  const itemSchema = s.items ?? {};
  const item = resolve(itemSchema, root);
  const list = Array.isArray(value) ? value : [];
  const handlerFor = useChildChange((i: number, v: unknown, changed?: string[]) =>
    onChange(
      list.map((x, j) => (j === i ? v : x)),
      changed,
    ),
  );

  if (item.type !== 'object') {
    const kind = refKindAt(
      ctx.refs,
      [...path, '*'].map((p) => (/^\d+$/.test(p) ? '*' : p)),
    );
    const options = item.enum ? item.enum.map((v) => ({ value: String(v), label: String(v) })) : kind ? ctx.options(kind) : [];
    return (
      <Select
        aria-label={label}
        mode={item.enum ? 'multiple' : 'tags'}
        style={{ width: '100%' }}
        value={list as string[]}
        options={options}
        onChange={(v) => onChange(v.length ? v : undefined, path)}
      />
    );
  }

  const replace = (next: unknown[]) => onChange(next, path);
  const move = (i: number, d: number) => {
    const next = [...list];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    replace(next);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      {list.map((entry, i) => (
        <Card
          key={i}
          size="small"
          styles={{ body: { paddingBottom: 0 } }}
          title={`#${i + 1}`}
          extra={
            <Space size={0}>
              <Button
                type="text"
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t('form.moveUp')}
              />
              <Button
                type="text"
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={i === list.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('form.moveDown')}
              />
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                onClick={() => replace(list.filter((_, j) => j !== i))}
                aria-label={t('form.remove')}
              />
            </Space>
          }
        >
          <SchemaField schema={itemSchema} root={root} value={entry} path={[...path, String(i)]} onChange={handlerFor(i)} />
        </Card>
      ))}
      <Button block type="dashed" icon={<PlusOutlined />} onClick={() => replace([...list, initialValue(itemSchema, root)])}>
        {t('form.add')}
      </Button>
    </Space>
  );
}
