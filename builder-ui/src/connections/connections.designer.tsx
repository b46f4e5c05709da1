/**
 * The Connections screen: the draft's connections on the left ("Add connection" picks a
 * connector from the catalogue or imports an OpenAPI document); the selected one's settings
 * (config form from the manifest, credential, cache), its role access per operation, and its
 * operations with "Try it". Draft edits are store commands (undoable); credentials go to the
 * vault directly and are never part of the draft.
 */
import { Alert, Empty, Layout, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import { connectionsOf } from '../store/commands/connection.commands';
import { labelText } from '../store/draft.types';
import { ConnectionAccessPanel } from './connection-access.panel';
import { ConnectionListPanel } from './connection-list.panel';
import { ConnectionSettingsPanel } from './connection-settings.panel';
import { useCatalogue, useManifest } from './connector-catalogue.store';
import { OperationListPanel } from './operation-list.panel';

export function ConnectionsDesigner() {
  const { t, i18n } = useTranslation();
  const connections = useBuilder((s) => connectionsOf(s.definition));
  const selection = useBuilder((s) => s.selection);
  const catalogueError = useCatalogue((s) => s.error);
  const issues = useBuilder((s) => s.issues.all);
  const picked = selection?.kind === 'connection' ? selection.connectionId : undefined;
  const connection = connections.find((c) => c.id === picked) ?? connections[0];
  const manifest = useManifest(connection?.connector);
  useEffect(() => {
    void useCatalogue
      .getState()
      .reload()
      .catch(() => undefined);
  }, []);

  return (
    <Layout style={{ height: '100%', background: '#fff' }} data-testid="connections-designer">
      <Layout.Sider width={240} theme="light" style={{ borderRight: '1px solid #f0f0f0', overflow: 'auto' }}>
        <ConnectionListPanel connections={connections} selectedId={connection?.id} />
      </Layout.Sider>
      <Layout.Content style={{ padding: '12px 16px', overflow: 'auto' }}>
        {catalogueError && <Alert type="error" showIcon message={t('connections.catalogueFailed')} description={catalogueError} />}
        {!connection ? (
          <Empty style={{ marginTop: 96 }} description={t('connections.none')} />
        ) : (
          <>
            <Space align="baseline" style={{ marginBottom: 4 }} wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {labelText(connection.label, i18n.language, connection.id)}
              </Typography.Title>
              <Typography.Text type="secondary" code>
                {connection.id}
              </Typography.Text>
              <Tag>{connection.connector}</Tag>
              {manifest && (
                <Typography.Text type="secondary">
                  {t('connections.uses', { title: manifest.title, version: manifest.version })}
                </Typography.Text>
              )}
            </Space>
            {issues
              .filter((i) => i.target.screen === 'connections' && i.target.connectionId === connection.id)
              .map((i) => (
                <Alert
                  key={i.pointer + i.message}
                  type="error"
                  showIcon
                  style={{ marginBottom: 8 }}
                  message={i.message}
                  description={<code>{i.pointer}</code>}
                  data-testid="connection-issue"
                />
              ))}
            {manifest === null && <Alert type="error" showIcon message={t('connections.notInstalled', { ref: connection.connector })} />}
            {manifest === undefined && <Spin style={{ display: 'block', margin: 48 }} />}
            {manifest && (
              <Tabs
                key={connection.id}
                items={[
                  {
                    key: 'settings',
                    label: t('connections.settings'),
                    children: <ConnectionSettingsPanel connection={connection} manifest={manifest} taken={connections.map((c) => c.id)} />,
                  },
                  {
                    key: 'operations',
                    label: t('connections.operationsCount', { count: manifest.operations.length }),
                    children: <OperationListPanel connection={connection} manifest={manifest} />,
                  },
                  {
                    key: 'access',
                    label: t('connections.access'),
                    children: <ConnectionAccessPanel connection={connection} manifest={manifest} />,
                  },
                ]}
              />
            )}
          </>
        )}
      </Layout.Content>
    </Layout>
  );
}
