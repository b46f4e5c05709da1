/** Published versions: list (the live one marked), rollback, compare any two (or the draft), export and import; the live app. */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { RenameEntry } from '@tessera/core/renames';
import { App, Button, Empty, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appsApi, type VersionInfo } from '../api/apps.api';
import { rollbackApp, useSession } from '../app/editor-session';
import { OpenAppLink } from '../app/open-app.link';
import { useBuilder } from '../store/builder.store';
import { DiffPanel } from './diff.panel';
import { downloadJson, readJsonFile } from './import-export';
import { PublishButton } from './publish.dialog';
import { RollbackConfirm } from './rollback.confirm';

export function VersionsView() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const appId = useBuilder((s) => s.appId)!;
  const definition = useBuilder((s) => s.definition)!;
  const dispatch = useBuilder((s) => s.dispatch);
  const tick = useSession((s) => s.versionsTick);
  const live = useBuilder((s) => s.live?.version);
  const [versions, setVersions] = useState<VersionInfo[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setLoading(true);
    appsApi
      .versions(appId)
      .then(setVersions, (e: Error) => void message.error(e.message))
      .finally(() => setLoading(false));
  }, [appId, tick]); // eslint-disable-line react-hooks/exhaustive-deps

  /** `renames`: data moved by renames since version n moves back to its ids (the confirm listed them). */
  const rollback = async (n: number, renames: RenameEntry[]) => {
    try {
      await rollbackApp(n, renames);
      void message.success(t('versions.rolledBack', { n }));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <div style={{ padding: 16, height: '100%', overflow: 'auto' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('versions.title')}
        </Typography.Title>
        <Space wrap>
          {live && <OpenAppLink appId={appId} testId="versions-open-app" />}
          <Upload
            accept="application/json,.json"
            showUploadList={false}
            beforeUpload={(file) => {
              readJsonFile(file).then(
                (def) => {
                  dispatch('replaceDefinition', { definition: def });
                  void message.success(t('versions.imported'));
                },
                (e: Error) => void message.error(e.message),
              );
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('versions.import')}</Button>
          </Upload>
          <Button icon={<DownloadOutlined />} onClick={() => downloadJson(definition)}>
            {t('versions.export')}
          </Button>
          <PublishButton />
        </Space>
      </Space>
      <Table<VersionInfo>
        size="small"
        rowKey="version"
        loading={loading}
        pagination={false}
        dataSource={versions}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('versions.none')} /> }}
        columns={[
          {
            title: t('versions.version'),
            dataIndex: 'version',
            width: 120,
            render: (n: number) => (
              <Space size={4}>
                <Typography.Text strong>v{n}</Typography.Text>
                {n === live && (
                  <Tag color="green" data-testid="live-version">
                    {t('versions.live')}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: t('versions.note'), dataIndex: 'note' },
          { title: t('versions.date'), dataIndex: 'publishedAt', width: 200, render: (d: string) => new Date(d).toLocaleString() },
          {
            width: 130,
            render: (_, v) =>
              v.version !== versions[0]?.version && (
                <RollbackConfirm
                  appId={appId}
                  versions={versions}
                  version={v.version}
                  onConfirm={(renames) => rollback(v.version, renames)}
                />
              ),
          },
        ]}
      />
      <DiffPanel versions={versions} />
    </div>
  );
}
