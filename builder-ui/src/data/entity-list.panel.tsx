/** The entities of the app, with their error counts; adding one asks only for its name. */
import { DatabaseOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Input, Menu, Popover, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TypeIcon } from '../shared/icon';
import { useBuilder } from '../store/builder.store';
import { labelText } from '../store/draft.types';

const NO_ENTITIES: never[] = [];

function EntityIssueBadge({ entity }: { entity: string }) {
  const count = useBuilder((s) => s.issues.byEntity.get(entity)?.length ?? 0);
  return <Badge count={count} size="small" />;
}

export function EntityListPanel({ selectedId, onSelect }: { selectedId?: string; onSelect(id: string): void }) {
  const { t, i18n } = useTranslation();
  const entities = useBuilder((s) => s.definition?.entities ?? NO_ENTITIES);
  const dispatch = useBuilder((s) => s.dispatch);
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  // Built again only when the entities or the language change (a menu of 100 items costs ~20 ms);
  // each badge follows its own entity's problems.
  const items = useMemo(
    () =>
      entities.map((e) => ({
        key: e.id,
        icon: <TypeIcon name={(e.icon as string) ?? 'DatabaseOutlined'} />,
        label: (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <span>{labelText(e.label, i18n.language, e.id)}</span>
            <EntityIssueBadge entity={e.id} />
          </Space>
        ),
      })),
    [entities, i18n.language],
  );
  const add = () => {
    if (!name.trim()) return;
    dispatch('addEntity', { label: name.trim() });
    setName('');
    setOpen(false);
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <Space style={{ padding: '12px 12px 8px', justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>{t('data.entities')}</Typography.Text>
        <Popover
          open={open}
          onOpenChange={setOpen}
          trigger="click"
          title={t('data.addEntity')}
          content={
            <Space.Compact>
              <Input
                autoFocus
                aria-label={t('data.entityName')}
                placeholder="Customer"
                value={name}
                onChange={(e) => setName(e.target.value)}
                onPressEnter={add}
              />
              <Button type="primary" onClick={add}>
                {t('common.create')}
              </Button>
            </Space.Compact>
          }
        >
          <Button size="small" type="primary" icon={<PlusOutlined />} aria-label={t('data.addEntity')}>
            {t('data.addEntity')}
          </Button>
        </Popover>
      </Space>
      {entities.length === 0 ? (
        <Empty
          image={<DatabaseOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />}
          description={
            <>
              <div>{t('data.noEntities')}</div>
              <Typography.Text type="secondary">{t('data.noEntitiesHint')}</Typography.Text>
            </>
          }
        />
      ) : (
        <Menu
          mode="inline"
          style={{ borderInlineEnd: 0 }}
          selectedKeys={selectedId ? [selectedId] : []}
          onClick={({ key }) => onSelect(key)}
          items={items}
        />
      )}
    </div>
  );
}
