/**
 * Who may call what: per operation (and "all operations", `*`) the app roles allowed. Platform
 * admins and builders call everything; app members only what is listed (the runtime enforces
 * it and hides the rest).
 */
import { SearchOutlined } from '@ant-design/icons';
import type { ConnectorManifest } from '@tessera/core';
import { Input, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import type { DraftConnection } from '../store/commands/connection.commands';
import { labelText, type DraftRole } from '../store/draft.types';
import { operationRows } from './operation-groups';
import { KIND_COLORS } from './operation-list.panel';

const NO_ROLES: DraftRole[] = [];
const ALL = '*';

interface Row {
  key: string;
  title: string;
  kind?: string;
}

export function ConnectionAccessPanel({ connection, manifest }: { connection: DraftConnection; manifest: ConnectorManifest }) {
  const { t, i18n } = useTranslation();
  const roles = useBuilder((s) => s.definition?.roles ?? NO_ROLES);
  const dispatch = useBuilder((s) => s.dispatch);
  const [search, setSearch] = useState('');
  const access = connection.access ?? {};
  const options = roles.map((r) => ({ value: r.id, label: labelText(r.label, i18n.language, r.id) }));
  const rows = useMemo<Row[]>(
    () => [
      { key: ALL, title: t('connections.allOperations') },
      ...operationRows(manifest, search).map(({ op }) => ({ key: op.id, title: op.title, kind: op.kind ?? 'action' })),
    ],
    [manifest, search, t],
  );
  // Ids `access` names that the connector does not have (a renamed or removed operation).
  const unknown = Object.keys(access).filter((k) => k !== ALL && !manifest.operations.some((o) => o.id === k));

  return (
    <div data-testid="connection-access" style={{ maxWidth: 900 }}>
      <Typography.Paragraph type="secondary">{t('connections.accessHint')}</Typography.Paragraph>
      {!roles.length && <Typography.Paragraph type="warning">{t('connections.noRoles')}</Typography.Paragraph>}
      <Input
        allowClear
        prefix={<SearchOutlined />}
        aria-label={t('connections.searchOperations')}
        placeholder={t('connections.searchOperations')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 420, marginBottom: 8 }}
      />
      <Table<Row>
        size="small"
        rowKey="key"
        dataSource={[...rows, ...unknown.map((k) => ({ key: k, title: t('connections.unknownOperation') }))]}
        pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          {
            title: t('connections.operation'),
            key: 'op',
            width: '45%',
            render: (_, row) => (
              <>
                {row.kind && <Tag color={KIND_COLORS[row.kind]}>{row.kind}</Tag>}
                <Typography.Text strong={row.key === ALL}>{row.title}</Typography.Text>{' '}
                {row.key !== ALL && (
                  <Typography.Text type="secondary" code>
                    {row.key}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('connections.roles'),
            key: 'roles',
            render: (_, row) => (
              <Select
                mode="multiple"
                allowClear
                style={{ width: '100%' }}
                aria-label={`${row.key === ALL ? t('connections.allOperations') : row.key} ${t('connections.roles')}`}
                placeholder={
                  row.key === ALL ? t('connections.nobody') : access[ALL]?.length ? t('connections.asAll') : t('connections.nobody')
                }
                value={access[row.key] ?? []}
                options={options}
                onChange={(ids: string[]) =>
                  dispatch('setConnectionAccess', { connectionId: connection.id, operation: row.key, roles: ids })
                }
              />
            ),
          },
        ]}
      />
    </div>
  );
}
