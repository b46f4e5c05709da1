/** The editor: header toolbar, left nav (Data / Pages / JSON / Versions), the screen, and the problems drawer. */
import { BranchesOutlined, CodeOutlined, DatabaseOutlined, LayoutOutlined } from '@ant-design/icons';
import { Drawer, Layout, Menu, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataDesigner } from '../data/data.designer';
import { JsonView } from '../json/json.view';
import { PageDesigner } from '../pages/page.designer';
import { PreviewModal } from '../pages/preview.modal';
import { useUndoShortcuts } from '../store/history.hook';
import { useBuilder } from '../store/builder.store';
import { IssuesPanel, type Screen } from '../validation/issues.panel';
import { VersionsView } from '../versions/versions.view';
import { ConflictModal } from './conflict.modal';
import { EditorToolbar } from './editor.toolbar';

const SCREENS: Record<Screen, () => React.ReactNode> = {
  data: () => <DataDesigner />,
  pages: () => <PageDesigner />,
  json: () => <JsonView />,
  versions: () => <VersionsView />,
};

export function EditorLayout({ onBack }: { onBack(): void }) {
  const { t } = useTranslation();
  const loaded = useBuilder((s) => !!s.definition);
  const [screen, setScreen] = useState<Screen>('data');
  const [problems, setProblems] = useState(false);
  const [preview, setPreview] = useState(false);
  useUndoShortcuts();
  if (!loaded) return <Spin size="large" style={{ margin: 96 }} />;
  return (
    <Layout style={{ height: '100vh', overflow: 'hidden' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', paddingInline: 16, height: 52, lineHeight: '52px', background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
        <EditorToolbar onBack={onBack} onProblems={() => setProblems(true)} onPreview={() => setPreview(true)} />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={140} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <Menu
            mode="inline"
            selectedKeys={[screen]}
            onClick={({ key }) => setScreen(key as Screen)}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
            items={[
              { key: 'data', icon: <DatabaseOutlined />, label: t('nav.data') },
              { key: 'pages', icon: <LayoutOutlined />, label: t('nav.pages') },
              { key: 'json', icon: <CodeOutlined />, label: t('nav.json') },
              { key: 'versions', icon: <BranchesOutlined />, label: t('nav.versions') },
            ]}
          />
        </Layout.Sider>
        <Layout.Content style={{ overflow: 'hidden', background: '#fff' }}>{SCREENS[screen]()}</Layout.Content>
      </Layout>
      <Drawer title={t('issues.title')} open={problems} onClose={() => setProblems(false)} width={480}>
        <IssuesPanel onNavigate={(s) => { setScreen(s); setProblems(false); }} />
      </Drawer>
      <PreviewModal open={preview} onClose={() => setPreview(false)} />
      <ConflictModal />
    </Layout>
  );
}
