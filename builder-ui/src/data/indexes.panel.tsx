/** Compound indexes and unique constraints of an entity (single-field ones are field flags). */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { isStoredField } from '@tessera/core';
import { useBuilder } from '../store/builder.store';
import type { DraftEntity, DraftIndex } from '../store/draft.types';

export function IndexesPanel({ entity }: { entity: DraftEntity }) {
  const { t } = useTranslation();
  const dispatch = useBuilder((s) => s.dispatch);
  const stored = entity.fields.filter(isStoredField).map((f) => ({ value: f.id, label: f.id }));
  const indexes = entity.indexes ?? [];
  const update = (at: number, index: DraftIndex) => dispatch('updateIndex', { entityId: entity.id, at, index });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button
        icon={<PlusOutlined />}
        disabled={!stored.length}
        onClick={() => dispatch('addIndex', { entityId: entity.id, index: { fields: [stored[0].value] } })}
      >
        {t('data.addIndex')}
      </Button>
      <Table<DraftIndex & { at: number }>
        size="small"
        pagination={false}
        rowKey="at"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('data.noIndexes')} /> }}
        dataSource={indexes.map((x, at) => ({ ...x, at }))}
        columns={[
          {
            title: t('data.indexFields'),
            render: (_, x) => (
              <Select
                mode="multiple"
                style={{ minWidth: 320 }}
                value={x.fields}
                options={stored}
                onChange={(fields) => update(x.at, { ...x, fields, at: undefined } as DraftIndex)}
              />
            ),
          },
          {
            title: t('data.uniqueIndex'),
            width: 100,
            render: (_, x) => (
              <Checkbox
                checked={!!x.unique}
                onChange={(e) => update(x.at, { fields: x.fields, ...(e.target.checked ? { unique: true } : {}) })}
              />
            ),
          },
          {
            width: 60,
            render: (_, x) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => dispatch('removeIndex', { entityId: entity.id, at: x.at })}
                aria-label={t('common.delete')}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
