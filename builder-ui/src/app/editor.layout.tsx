/**
 * The editor: header toolbar, left nav (Data / Pages / Access / Menu / Connections / JSON / Versions), the
 * screen, and the problems drawer. Each screen is its own chunk, loaded when first opened.
 */
import {
  ApiOutlined,
  BranchesOutlined,
  CodeOutlined,
  DatabaseOutlined,
  LayoutOutlined,
  MenuOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import { Badge, Drawer, Layout, Menu, Spin } from 'antd';
import { lazy, Suspense, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { BindEntityModal } from '../pages/bind-entity.modal';
import { useUndoShortcuts } from '../store/history.hook';
import { useBuilder } from '../store/builder.store';
import { IssuesPanel, type Screen } from '../validation/issues.panel';
import { ConflictModal } from './conflict.modal';
import { EditorToolbar } from './editor.toolbar';

/** `lazy` for a named export. */
const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const SCREENS: Record<Screen, LazyExoticComponent<ComponentType>> = {
  data: named(() => import('../data/data.designer'), 'DataDesigner'),
  pages: named(() => import('../pages/page.designer'), 'PageDesigner'),
  access: named(() => import('../access/access.designer'), 'AccessDesigner'),
  navigation: named(() => import('../navigation/navigation.designer'), 'NavigationDesigner'),
  connections: named(() => import('../connections/connections.designer'), 'ConnectionsDesigner'),
  json: named(() => import('../json/json.view'), 'JsonView'),
  versions: named(() => import('../versions/versions.view'), 'VersionsView'),
};

const PreviewModal = lazy(() => import('../pages/preview.modal').then((m) => ({ default: m.PreviewModal })));

const loading = <Spin size="large" style={{ display: 'block', margin: 96 }} />;

const MENU: Array<{ key: Screen; icon: React.ReactNode }> = [
  { key: 'data', icon: <DatabaseOutlined /> },
  { key: 'pages', icon: <LayoutOutlined /> },
  { key: 'access', icon: <SafetyOutlined /> },
  { key: 'navigation', icon: <MenuOutlined /> },
  { key: 'connections', icon: <ApiOutlined /> },
  { key: 'json', icon: <CodeOutlined /> },
  { key: 'versions', icon: <BranchesOutlined /> },
];

/** The screens, each with its problem count: where to go to fix them. Alone in subscribing to issues, so validation re-renders only this. */
function ScreenMenu({ screen, onChange }: { screen: Screen; onChange(s: Screen): void }) {
  const { t } = useTranslation();
  const counts = useBuilder((s) => MENU.map(({ key }) => s.issues.all.filter((i) => i.target.screen === key).length).join(','));
  const byScreen = counts.split(',').map(Number);
  return (
    <Menu
      mode="inline"
      selectedKeys={[screen]}
      onClick={({ key }) => onChange(key as Screen)}
      style={{ borderInlineEnd: 0, paddingTop: 8 }}
      items={MENU.map(({ key, icon }, i) => ({
        key,
        icon,
        label: (
          <span>
            {t(`nav.${key}`)} {byScreen[i] > 0 && <Badge count={byScreen[i]} size="small" data-testid={`screen-errors-${key}`} />}
          </span>
        ),
      }))}
    />
  );
}

export function EditorLayout({ onBack }: { onBack(): void }) {
  const { t } = useTranslation();
  const loaded = useBuilder((s) => !!s.definition);
  const [screen, setScreen] = useState<Screen>('data');
  const [problems, setProblems] = useState(false);
  const [preview, setPreview] = useState(false);
  // Mounted on first use and kept (its closing animation); most sessions never preview.
  const [previewed, setPreviewed] = useState(false);
  useUndoShortcuts();
  if (!loaded) return loading;
  const Current = SCREENS[screen];
  return (
    <Layout style={{ height: '100vh', overflow: 'hidden' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          paddingInline: 16,
          height: 52,
          lineHeight: '52px',
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <EditorToolbar
          onBack={onBack}
          onProblems={() => setProblems(true)}
          onPreview={() => {
            setPreview(true);
            setPreviewed(true);
          }}
        />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={164} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <ScreenMenu screen={screen} onChange={setScreen} />
        </Layout.Sider>
        <Layout.Content style={{ overflow: 'hidden', background: '#fff' }}>
          <Suspense fallback={loading}>
            <Current />
          </Suspense>
        </Layout.Content>
      </Layout>
      <Drawer title={t('issues.title')} open={problems} onClose={() => setProblems(false)} width={480}>
        <IssuesPanel
          onNavigate={(s) => {
            setScreen(s);
            setProblems(false);
          }}
        />
      </Drawer>
      {previewed && (
        <Suspense fallback={null}>
          <PreviewModal open={preview} onClose={() => setPreview(false)} />
        </Suspense>
      )}
      <BindEntityModal />
      <ConflictModal />
    </Layout>
  );
}
