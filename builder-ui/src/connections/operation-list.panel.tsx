/**
 * The connector's operations, grouped (OpenAPI tags) and searchable, a page at a time (a
 * connector may have 1,000+). "Try it" opens the operation's form in a drawer.
 */
import { SearchOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { ConnectorManifest } from '@tessera/core';
import { Button, Drawer, Input, List, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftConnection } from '../store/commands/connection.commands';
import { operationRows, type ManifestOperation } from './operation-groups';
import { TryItPanel } from './try-it.panel';

const PAGE = 25;
export const KIND_COLORS: Record<string, string> = {
  list: 'blue',
  get: 'cyan',
  create: 'green',
  update: 'gold',
  delete: 'red',
  action: 'purple',
};

export function OperationListPanel({ connection, manifest }: { connection: DraftConnection; manifest: ConnectorManifest }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [trying, setTrying] = useState<ManifestOperation | null>(null);
  const rows = useMemo(() => operationRows(manifest, search), [manifest, search]);
  const shown = rows.slice((page - 1) * PAGE, page * PAGE);

  return (
    <div data-testid="operation-list">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        aria-label={t('connections.searchOperations')}
        placeholder={t('connections.searchOperations')}
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          setPage(1);
        }}
        style={{ maxWidth: 420, marginBottom: 8 }}
      />
      <List
        size="small"
        dataSource={shown}
        locale={{ emptyText: t('connections.noOperations') }}
        pagination={
          rows.length > PAGE
            ? { current: page, pageSize: PAGE, total: rows.length, onChange: setPage, showSizeChanger: false, size: 'small' }
            : false
        }
        renderItem={({ op, group }, i) => (
          <>
            {group && group !== shown[i - 1]?.group && (
              <Typography.Text strong style={{ display: 'block', padding: '12px 0 4px' }} data-testid="operation-group">
                {group}
              </Typography.Text>
            )}
            {!group && i > 0 && shown[i - 1]?.group && (
              <Typography.Text strong style={{ display: 'block', padding: '12px 0 4px' }}>
                {t('connections.ungrouped')}
              </Typography.Text>
            )}
            <List.Item
              data-testid={`operation-${op.id}`}
              actions={[
                <Button
                  key="try"
                  size="small"
                  icon={<ThunderboltOutlined />}
                  onClick={() => setTrying(op)}
                  aria-label={`${t('connections.tryIt')} ${op.id}`}
                >
                  {t('connections.tryIt')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={6} wrap>
                    <Tag color={KIND_COLORS[op.kind ?? 'action']}>{op.kind ?? 'action'}</Tag>
                    <span>{op.title}</span>
                    <Typography.Text type="secondary" code>
                      {op.id}
                    </Typography.Text>
                    {op.http && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {op.http.method} {op.http.path}
                      </Typography.Text>
                    )}
                    {op.deprecated && <Tag color="orange">{t('connections.deprecated')}</Tag>}
                  </Space>
                }
                description={
                  op.description ? (
                    <Typography.Text type="secondary" ellipsis={{ tooltip: op.description }}>
                      {op.description}
                    </Typography.Text>
                  ) : undefined
                }
              />
            </List.Item>
          </>
        )}
      />
      <Drawer
        open={!!trying}
        onClose={() => setTrying(null)}
        width="min(760px, 92vw)"
        title={trying ? `${t('connections.tryIt')} · ${trying.title}` : ''}
        destroyOnHidden
      >
        {trying && <TryItPanel connection={connection} operation={trying} />}
      </Drawer>
    </div>
  );
}
