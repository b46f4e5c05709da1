/** The apps a builder can edit: open one, create one, or import one from a JSON file. */
import { AppstoreOutlined, KeyOutlined, LogoutOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Layout, List, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appsApi, type AppSummary } from '../api/apps.api';
import type { Draft } from '../store/draft.types';
import { readJsonFile } from '../versions/import-export';
import { ChangePasswordModal } from './change-password.modal';
import { CreateAppModal } from './create-app.modal';
import { LanguageSwitch } from './language.switch';
import { OpenAppLink } from './open-app.link';

export function AppListPage({ onOpen, onSignOut }: { onOpen(appId: string): void; onSignOut(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [apps, setApps] = useState<AppSummary[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  useEffect(() => {
    appsApi.list().then(setApps, (e: Error) => {
      setApps([]);
      void message.error(e.message);
    });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const create = async (draft: Draft) => {
    try {
      await appsApi.create(draft);
      void message.success(t('apps.created'));
      onOpen(draft.id);
    } catch (e) {
      void message.error((e as Error).message);
      throw e;
    }
  };

  return (
    <Layout style={{ height: '100vh', overflow: 'auto' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        <AppstoreOutlined style={{ color: '#fff', fontSize: 20 }} />
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, flex: 1 }}>
          {t('app.title')}
        </Typography.Title>
        <LanguageSwitch />
        <Button icon={<KeyOutlined />} onClick={() => setChangingPassword(true)}>
          {t('account.changePassword')}
        </Button>
        <Button icon={<LogoutOutlined />} onClick={onSignOut}>
          {t('app.signOut')}
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: 32, maxWidth: 1100, margin: '0 auto', width: '100%' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('apps.title')}
          </Typography.Title>
          <Space>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={(file) => {
                readJsonFile(file).then(create, (e: Error) => void message.error(e.message));
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('apps.import')}</Button>
            </Upload>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-app">
              {t('apps.create')}
            </Button>
          </Space>
        </Space>
        <List
          loading={apps === null}
          grid={{ gutter: 16, xs: 1, sm: 2, md: 3 }}
          dataSource={apps ?? []}
          locale={{
            emptyText: (
              <Empty description={t('apps.empty')}>
                <Button type="primary" onClick={() => setCreating(true)}>
                  {t('apps.create')}
                </Button>
              </Empty>
            ),
          }}
          renderItem={(a) => (
            <List.Item>
              <Card
                hoverable
                onClick={() => onOpen(a.id)}
                title={a.name}
                data-testid={`app-card-${a.id}`}
                actions={a.publishedVersion ? [<OpenAppLink key="open" appId={a.id} type="link" />] : undefined}
                extra={
                  <Typography.Text type="secondary" code>
                    {a.id}
                  </Typography.Text>
                }
              >
                <Space direction="vertical" size={4}>
                  {a.publishedVersion ? (
                    <Tag color="green">{t('apps.published', { n: a.publishedVersion })}</Tag>
                  ) : (
                    <Tag>{t('apps.draft')}</Tag>
                  )}
                  <Typography.Text type="secondary">
                    {t('apps.revision', { n: a.revision })} · {t('apps.updated')} {new Date(a.updatedAt).toLocaleString()}
                  </Typography.Text>
                </Space>
              </Card>
            </List.Item>
          )}
        />
      </Layout.Content>
      <CreateAppModal open={creating} onCancel={() => setCreating(false)} onCreate={create} />
      <ChangePasswordModal
        open={changingPassword}
        onClose={() => setChangingPassword(false)}
        onChange={appsApi.changePassword}
        onChanged={() => {
          setChangingPassword(false);
          void message.success(t('account.passwordChanged'));
        }}
      />
    </Layout>
  );
}
