/**
 * The Navigation screen: the app's menu as a tree (order and nesting), the selected item's
 * settings, and the pages that have no menu entry yet. Every change is a store command.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import { labelText, type DraftNavItem } from '../store/draft.types';
import { allPaths, itemAt } from '../store/nav-tree';
import { NavItemPanel } from './nav-item.panel';
import { NavTreePanel } from './nav-tree.panel';

const NO_ITEMS: DraftNavItem[] = [];

function UnlistedPages({ items }: { items: DraftNavItem[] }) {
  const { t, i18n } = useTranslation();
  const pages = useBuilder((s) => s.definition?.pages) ?? [];
  const dispatch = useBuilder((s) => s.dispatch);
  const listed = new Set(allPaths(items).map((p) => itemAt(items, p)?.page));
  const unlisted = pages.filter((p) => !listed.has(p.id));
  if (!unlisted.length) return null;
  return (
    <Card size="small" title={t('menu.unlisted')} style={{ marginTop: 16 }} data-testid="unlisted-pages">
      {unlisted.map((p) => (
        <div key={p.id} data-testid={`unlisted-${p.id}`} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 0' }}>
          <span style={{ flex: 1 }}>
            {labelText(p.title, i18n.language, p.id)}{' '}
            <Typography.Text type="secondary" code>
              {p.route}
            </Typography.Text>
          </span>
          <Button size="small" icon={<PlusOutlined />} onClick={() => dispatch('addNavItem', { item: { label: p.title, page: p.id } })}>
            {t('menu.addPage')}
          </Button>
        </div>
      ))}
    </Card>
  );
}

export function NavigationDesigner() {
  const { t } = useTranslation();
  const items = useBuilder((s) => s.definition?.navigation ?? NO_ITEMS);
  const selection = useBuilder((s) => s.selection);
  const path = selection?.kind === 'navigation' ? selection.path : undefined;
  const item = path ? itemAt(items, path) : undefined;
  return (
    <Layout style={{ height: '100%', background: '#fff' }} data-testid="navigation-designer">
      <Layout.Content style={{ padding: '12px 16px', overflow: 'auto' }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('menu.title')}
        </Typography.Title>
        <NavTreePanel items={items} selected={item ? path : undefined} />
        <UnlistedPages items={items} />
      </Layout.Content>
      <Layout.Sider width={380} theme="light" style={{ borderLeft: '1px solid #f0f0f0', padding: 16, overflow: 'auto' }}>
        {item && path ? (
          <NavItemPanel key={path.join('.')} item={item} path={path} />
        ) : (
          <Empty style={{ marginTop: 48 }} description={t('menu.selectItem')} />
        )}
      </Layout.Sider>
    </Layout>
  );
}
