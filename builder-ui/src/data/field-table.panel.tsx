/** The fields of one entity: click a row to edit it, reorder with the arrows, delete with confirm. */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { fieldTypes } from '@tessera/core';
import { useTranslation } from 'react-i18next';
import { typeTitle } from '../i18n/type-texts';
import { TypeIcon } from '../shared/icon';
import { useBuilder } from '../store/builder.store';
import { labelText, type DraftEntity, type DraftField } from '../store/draft.types';
import { fieldKey } from '../store/issue-mapping';
import { AddFieldMenu } from './add-field.menu';

const FLAGS = ['required', 'unique', 'indexed'] as const;

export function FieldTablePanel({ entity, selectedFieldId }: { entity: DraftEntity; selectedFieldId?: string }) {
  const { t, i18n } = useTranslation();
  const dispatch = useBuilder((s) => s.dispatch);
  const select = useBuilder((s) => s.select);
  const byField = useBuilder((s) => s.issues.byField);
  const columns = [
    {
      title: t('data.field'),
      key: 'id',
      onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }),
      render: (_: unknown, f: DraftField) => {
        const issues = byField.get(fieldKey(entity.id, f.id));
        return (
          <Space>
            <Typography.Text strong>{labelText(f.label, i18n.language, f.id)}</Typography.Text>
            <Typography.Text type="secondary" code>
              {f.id}
            </Typography.Text>
            {issues && (
              <Tooltip title={issues.map((i) => i.message).join('\n')}>
                <ExclamationCircleFilled style={{ color: '#ff4d4f' }} />
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    {
      title: t('data.type'),
      key: 'type',
      width: 170,
      render: (_: unknown, f: DraftField) => {
        const d = fieldTypes.get(f.type);
        const suffix = f.type === 'relation' ? ` → ${String(f.to || '?')}${f.many ? ' []' : ''}` : '';
        return (
          <Space>
            <TypeIcon name={d?.icon} />
            {`${d ? typeTitle(t, 'field', d) : f.type}${suffix}`}
          </Space>
        );
      },
    },
    {
      title: t('data.flags'),
      key: 'flags',
      width: 200,
      render: (_: unknown, f: DraftField) => FLAGS.filter((k) => f[k]).map((k) => <Tag key={k}>{t(`data.${k}`)}</Tag>),
    },
    {
      key: 'actions',
      width: 110,
      render: (_: unknown, f: DraftField, index: number) => (
        <Space size={0} onClick={(e) => e.stopPropagation()}>
          <Button
            type="text"
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => dispatch('moveField', { entityId: entity.id, from: index, to: index - 1 })}
            aria-label={t('form.moveUp')}
          />
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={index === entity.fields.length - 1}
            onClick={() => dispatch('moveField', { entityId: entity.id, from: index, to: index + 1 })}
            aria-label={t('form.moveDown')}
          />
          <Popconfirm
            title={t('data.confirmDelete', { name: f.id })}
            onConfirm={() => dispatch('removeField', { entityId: entity.id, fieldId: f.id })}
          >
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('data.deleteField')} />
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <AddFieldMenu entityId={entity.id} />
      <Table<DraftField>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={entity.fields}
        columns={columns}
        rowClassName={(f) => (f.id === selectedFieldId ? 'ant-table-row-selected' : '')}
        onRow={(f) => ({ onClick: () => select({ kind: 'entity', entityId: entity.id, fieldId: f.id }), style: { cursor: 'pointer' } })}
      />
    </Space>
  );
}
