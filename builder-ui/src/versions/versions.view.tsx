/** Published versions: list, rollback, compare any two (or the draft), export and import. */
import { DownloadOutlined, RollbackOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appsApi, type VersionInfo } from '../api/apps.api';
import { rollbackApp, useSession } from '../app/editor-session';
import { useBuilder } from '../store/builder.store';
import { DiffPanel } from './diff.panel';
import { downloadJson, readJsonFile } from './import-export';
import { PublishButton } from './publish.dialog';
import { applicableRollbackRenames } from './rollback-renames';

export function VersionsView() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const appId = useBuilder((s) => s.appId)!;
  const definition = useBuilder((s) => s.definition)!;
  const dispatch = useBuilder((s) => s.dispatch);
  const tick = useSession((s) => s.versionsTick);
  const [versions, setVersions] = useState<VersionInfo[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setLoading(true);
    appsApi
      .versions(appId)
      .then(setVersions, (e: Error) => void message.error(e.message))
      .finally(() => setLoading(false));
  }, [appId, tick]); // eslint-disable-line react-hooks/exhaustive-deps

  const rollback = async (n: number) => {
    try {
      // Data moved by renames since version n moves back to its ids.
      const needed = versions.some((v) => v.version > n && v.migrated);
      const [target, current] = needed ? await Promise.all([appsApi.version(appId, n), appsApi.version(appId, versions[0].version)]) : [];
      await rollbackApp(n, target && current ? applicableRollbackRenames(versions, target, current.definition) : []);
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
        <Space>
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
            width: 90,
            render: (n: number) => <Typography.Text strong>v{n}</Typography.Text>,
          },
          { title: t('versions.note'), dataIndex: 'note' },
          { title: t('versions.date'), dataIndex: 'publishedAt', width: 200, render: (d: string) => new Date(d).toLocaleString() },
          {
            width: 130,
            render: (_, v) =>
              v.version !== versions[0]?.version && (
                <Popconfirm title={t('versions.rollbackConfirm', { n: v.version })} onConfirm={() => rollback(v.version)}>
                  <Button size="small" icon={<RollbackOutlined />}>
                    {t('versions.rollback')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <DiffPanel versions={versions} />
    </div>
  );
}
