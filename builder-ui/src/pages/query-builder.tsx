/**
 * A visual editor for an entity source's filter: rules (field, NOT, operator from the filter
 * language, typed value) in all-of / any-of groups that nest. Conditions the rules cannot show
 * are raw JSON rules, edited as text and kept as written. Emits the group on every change.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { isFilterable, SYSTEM_FIELDS } from '@tessera/core';
import { useTranslation } from 'react-i18next';
import type { DraftEntity, DraftField } from '../store/draft.types';
import { labelText } from '../store/draft.types';
import { isExpression } from '@tessera/core/expressions';
import { emptyGroup, operatorsFor, type FilterNode, type Group, type Op, type Rule } from './filter-model';
import { RawRuleInput } from './raw-rule.input';
import { RuleValueInput } from './rule-value.input';

interface Props {
  entity: DraftEntity;
  group: Group;
  onChange(g: Group): void;
  depth?: number;
  onRemove?(): void;
}

function RuleRow({ rule, fields, onChange, onRemove }: { rule: Rule; fields: DraftField[]; onChange(r: Rule): void; onRemove(): void }) {
  const { t, i18n } = useTranslation();
  const field = fields.find((f) => f.id === rule.field);
  const ops = operatorsFor(field?.type);
  return (
    <Space wrap size={4} style={{ marginBottom: 6 }} data-testid="query-rule">
      <Select
        size="small"
        showSearch
        aria-label={t('source.field')}
        style={{ width: 130 }}
        value={rule.field}
        options={fields.map((f) => ({ value: f.id, label: labelText(f.label, i18n.language, f.id) }))}
        onChange={(id) => {
          const type = fields.find((f) => f.id === id)?.type;
          const op = operatorsFor(type).includes(rule.op) ? rule.op : '$eq';
          onChange({ ...rule, field: id, op, value: type === 'boolean' ? true : '' });
        }}
      />
      <Button
        size="small"
        type={rule.not ? 'primary' : 'default'}
        danger={rule.not}
        aria-label={t('source.not')}
        aria-pressed={!!rule.not}
        title={t('source.notHelp')}
        // An expression value cannot be negated: `$not` takes operators on plain values.
        disabled={isExpression(rule.value)}
        onClick={() => onChange({ ...rule, not: !rule.not || undefined })}
      >
        {t('source.notShort')}
      </Button>
      <Select
        size="small"
        aria-label={t('source.operator')}
        style={{ width: 110 }}
        value={rule.op}
        // An operator the JSON used but the field type does not offer stays visible.
        options={(ops.includes(rule.op) ? ops : [...ops, rule.op]).map((op) => ({ value: op, label: t(`ops.${op}`) }))}
        onChange={(op: Op) => {
          const value =
            op === '$in' || op === '$nin'
              ? []
              : op === '$exists'
                ? true
                : isExpression(rule.value) || Array.isArray(rule.value)
                  ? ''
                  : rule.value;
          onChange({ ...rule, op, value, ...(op === '$regex' ? { options: 'i' } : { options: undefined }) });
        }}
      />
      <RuleValueInput field={field} op={rule.op} value={rule.value} onChange={(value) => onChange({ ...rule, value })} />
      <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.delete')} />
    </Space>
  );
}

export function QueryBuilder({ entity, group, onChange, depth = 0, onRemove }: Props) {
  const { t } = useTranslation();
  const fields: DraftField[] = [
    // Fields evaluated on read (computed, rollup) cannot be filtered on by the API: not offered.
    ...entity.fields.filter(isFilterable),
    ...(SYSTEM_FIELDS as readonly string[]).map((id) => ({
      id,
      type: id.endsWith('At') ? 'datetime' : id === 'version' ? 'number' : 'text',
    })),
  ];
  const setChild = (i: number, c: FilterNode) => onChange({ ...group, children: group.children.map((x, j) => (j === i ? c : x)) });
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
          options={[
            { value: '$and', label: t('source.and') },
            { value: '$or', label: t('source.or') },
          ]}
        />
        {onRemove && (
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.delete')} />
        )}
      </Space>
      {group.children.length === 0 && depth === 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '0 0 6px' }}>
          {t('source.noFilter')}
        </Typography.Paragraph>
      )}
      {group.children.map((c, i) => {
        if (c.kind === 'group')
          return (
            <QueryBuilder
              key={i}
              entity={entity}
              group={c}
              depth={depth + 1}
              onChange={(g) => setChild(i, g)}
              onRemove={() => removeChild(i)}
            />
          );
        if (c.kind === 'raw') return <RawRuleInput key={i} rule={c} onChange={(r) => setChild(i, r)} onRemove={() => removeChild(i)} />;
        return <RuleRow key={i} rule={c} fields={fields} onChange={(r) => setChild(i, r)} onRemove={() => removeChild(i)} />;
      })}
      <Space size={4}>
        <Button size="small" icon={<PlusOutlined />} onClick={() => onChange({ ...group, children: [...group.children, newRule()] })}>
          {t('source.addRule')}
        </Button>
        {depth < 3 && (
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() =>
              onChange({
                ...group,
                children: [...group.children, { ...emptyGroup(group.combinator === '$and' ? '$or' : '$and'), children: [newRule()] }],
              })
            }
          >
            {t('source.addGroup')}
          </Button>
        )}
      </Space>
    </div>
  );
}
