/** The draft's connections, and "Add connection" (catalogue or OpenAPI import). */
import { ApiOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Menu, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import type { DraftConnection } from '../store/commands/connection.commands';
import { labelText } from '../store/draft.types';
import { AddConnectionModal } from './add-connection.modal';

export function ConnectionListPanel({ connections, selectedId }: { connections: DraftConnection[]; selectedId?: string }) {
  const { t, i18n } = useTranslation();
  const select = useBuilder((s) => s.select);
  const issues = useBuilder((s) => s.issues.all);
  const count = (id: string) => issues.filter((i) => i.target.connectionId === id).length;
  const [adding, setAdding] = useState(false);
  return (
    <div data-testid="connection-list">
      <div style={{ padding: '12px 12px 8px' }}>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('connections.title')}
        </Typography.Text>
        <Button size="small" type="primary" block icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('connections.add')}
        </Button>
      </div>
      {connections.length === 0 ? (
        <Empty image={<ApiOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={t('connections.noneHint')} />
      ) : (
        <Menu
          mode="inline"
          style={{ borderInlineEnd: 0 }}
          selectedKeys={selectedId ? [selectedId] : []}
          onClick={({ key }) => select({ kind: 'connection', connectionId: key })}
          items={connections.map((c) => ({
            key: c.id,
            icon: <ApiOutlined />,
            label: (
              <span>
                {labelText(c.label, i18n.language, c.id)} <Badge count={count(c.id)} size="small" />
              </span>
            ),
            title: c.connector,
          }))}
        />
      )}
      <AddConnectionModal open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
