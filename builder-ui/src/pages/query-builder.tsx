/**
 * A visual editor for an entity source's filter: rules (field, operator from the filter
 * language, typed value) in all-of / any-of groups that nest. Emits the filter on every change.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { SYSTEM_FIELDS } from '@tessera/schemas';
import { useTranslation } from 'react-i18next';
import type { DraftEntity, DraftField } from '../store/draft.types';
import { labelText } from '../store/draft.types';
import { emptyGroup, operatorsFor, type Group, type Op, type Rule } from './filter-model';
import { RuleValueInput } from './rule-value.input';

interface Props { entity: DraftEntity; group: Group; onChange(g: Group): void; depth?: number; onRemove?(): void }

const VIRTUAL = new Set(['computed']);

export function QueryBuilder({ entity, group, onChange, depth = 0, onRemove }: Props) {
  const { t } = useTranslation();
  const fields: DraftField[] = [
    ...entity.fields.filter((f) => !VIRTUAL.has(f.type)),
    ...(SYSTEM_FIELDS as readonly string[]).map((id) => ({ id, type: id.endsWith('At') ? 'datetime' : id === 'version' ? 'number' : 'text' })),
  ];
  const setChild = (i: number, c: Rule | Group) => onChange({ ...group, children: group.children.map((x, j) => (j === i ? c : x)) });
  const removeChild = (i: number) => onChange({ ...group, children: group.children.filter((_, j) => j !== i) });
  const first = fields[0];
  const newRule = (): Rule => ({ kind: 'rule', field: first?.id ?? '', op: '$eq', value: first?.type === 'boolean' ? true : '' });

  return (
    <div data-testid="query-group" style={{ borderLeft: `3px solid ${depth ? '#91caff' : '#1677ff'}`, paddingLeft: 10, marginBottom: 8 }}>
      <Space style={{ marginBottom: 6 }}>
        <Select
          size="small"
          aria-label="combinator"
          value={group.combinator}
          onChange={(combinator) => onChange({ ...group, combinator })}
          options={[{ value: '$and', label: t('source.and') }, { value: '$or', label: t('source.or') }]}
        />
        {onRemove && <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.delete')} />}
      </Space>
      {group.children.length === 0 && depth === 0 && <Typography.Paragraph type="secondary" style={{ margin: '0 0 6px' }}>{t('source.noFilter')}</Typography.Paragraph>}
      {group.children.map((c, i) =>
        c.kind === 'group' ? (
          <QueryBuilder key={i} entity={entity} group={c} depth={depth + 1} onChange={(g) => setChild(i, g)} onRemove={() => removeChild(i)} />
        ) : (
          <Space key={i} wrap size={4} style={{ marginBottom: 6 }} data-testid="query-rule">
            <Select
              size="small"
              showSearch
              aria-label={t('source.field')}
              style={{ width: 130 }}
              value={c.field}
              options={fields.map((f) => ({ value: f.id, label: labelText(f.label, 'en', f.id) }))}
              onChange={(field) => {
                const type = fields.find((f) => f.id === field)?.type;
                const op = operatorsFor(type).includes(c.op) ? c.op : '$eq';
                setChild(i, { ...c, field, op, value: type === 'boolean' ? true : '' });
              }}
            />
            <Select
              size="small"
              aria-label={t('source.operator')}
              style={{ width: 110 }}
              value={c.op}
              options={operatorsFor(fields.find((f) => f.id === c.field)?.type).map((op) => ({ value: op, label: t(`ops.${op}`) }))}
              onChange={(op: Op) => setChild(i, { ...c, op, value: op === '$in' || op === '$nin' ? [] : op === '$exists' ? true : c.value })}
            />
            <RuleValueInput field={fields.find((f) => f.id === c.field)} op={c.op} value={c.value} onChange={(value) => setChild(i, { ...c, value })} />
            <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => removeChild(i)} aria-label={t('common.delete')} />
          </Space>
        ),
      )}
      <Space size={4}>
        <Button size="small" icon={<PlusOutlined />} onClick={() => onChange({ ...group, children: [...group.children, newRule()] })}>{t('source.addRule')}</Button>
        {depth < 3 && (
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onChange({ ...group, children: [...group.children, { ...emptyGroup(group.combinator === '$and' ? '$or' : '$and'), children: [newRule()] }] })}>
            {t('source.addGroup')}
          </Button>
        )}
      </Space>
    </div>
  );
}
