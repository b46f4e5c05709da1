/**
 * The menu as a tree: drag to reorder or nest; the toolbar does the same moves for the selected
 * item with buttons (and adds items). Items with a problem are marked.
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  ExclamationCircleFilled,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Empty, Space, Tooltip, Tree, Typography, type TreeDataNode, type TreeProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { TypeIcon } from '../shared/icon';
import { useBuilder } from '../store/builder.store';
import { labelText, type DraftNavItem, type DraftPage } from '../store/draft.types';
import { navKey, type MappedIssue } from '../store/issue-mapping';
import { allPaths, type NavPath } from '../store/nav-tree';
import { moveFor, moveForDrop } from './nav-moves';

const pathOf = (key: React.Key): NavPath => String(key).split('.').map(Number);

function nodes(
  items: DraftNavItem[],
  base: NavPath,
  pages: DraftPage[],
  issues: Map<string, MappedIssue[]>,
  lang: string,
  groupWord: string,
): TreeDataNode[] {
  return items.map((item, i) => {
    const path = [...base, i];
    const page = pages.find((p) => p.id === item.page);
    const broken = issues.get(navKey(path));
    return {
      key: navKey(path),
      title: (
        <Space size={6} data-testid={`nav-item-${navKey(path)}`}>
          <TypeIcon name={item.icon} style={{ color: '#8c8c8c' }} />
          <span>{labelText(item.label, lang, '?')}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.page ? `→ ${page?.route ?? item.page}` : groupWord}
          </Typography.Text>
          {broken && (
            <Tooltip title={broken.map((b) => b.message).join('\n')}>
              <ExclamationCircleFilled style={{ color: '#ff4d4f' }} />
            </Tooltip>
          )}
        </Space>
      ),
      children: item.children ? nodes(item.children, path, pages, issues, lang, groupWord) : undefined,
    };
  });
}

export function NavTreePanel({ items, selected }: { items: DraftNavItem[]; selected?: NavPath }) {
  const { t, i18n } = useTranslation();
  const pages = useBuilder((s) => s.definition?.pages) ?? [];
  const issues = useBuilder((s) => s.issues.byNavItem);
  const dispatch = useBuilder((s) => s.dispatch);
  const select = useBuilder((s) => s.select);
  const move = (how: Parameters<typeof moveFor>[2]) => {
    const m = selected && moveFor(items, selected, how);
    if (m) dispatch('moveNavItem', m);
  };
  const onDrop: TreeProps['onDrop'] = (info) => {
    const onto = pathOf(info.node.key);
    // antd: dropPosition is relative to the list; minus the node's own index gives -1 (before) / 1 (after).
    const relative = info.dropPosition - onto[onto.length - 1];
    const where = !info.dropToGap ? 'inside' : relative < 0 ? 'before' : 'after';
    dispatch('moveNavItem', moveForDrop(pathOf(info.dragNode.key), onto, where));
  };
  const can = (how: Parameters<typeof moveFor>[2]) => !!selected && !!moveFor(items, selected, how);
  return (
    <div data-testid="nav-tree">
      <Space wrap style={{ marginBottom: 8 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => dispatch('addNavItem', { item: { label: t('menu.newItem') } })}>
          {t('menu.addItem')}
        </Button>
        <Button
          icon={<PlusOutlined />}
          disabled={!selected}
          onClick={() => selected && dispatch('addNavItem', { item: { label: t('menu.newItem') }, parentPath: selected })}
        >
          {t('menu.addChild')}
        </Button>
        <Space.Compact>
          <Tooltip title={t('menu.moveUp')}>
            <Button icon={<ArrowUpOutlined />} aria-label={t('menu.moveUp')} disabled={!can('up')} onClick={() => move('up')} />
          </Tooltip>
          <Tooltip title={t('menu.moveDown')}>
            <Button icon={<ArrowDownOutlined />} aria-label={t('menu.moveDown')} disabled={!can('down')} onClick={() => move('down')} />
          </Tooltip>
          <Tooltip title={t('menu.outdent')}>
            <Button icon={<MenuFoldOutlined />} aria-label={t('menu.outdent')} disabled={!can('outdent')} onClick={() => move('outdent')} />
          </Tooltip>
          <Tooltip title={t('menu.indent')}>
            <Button icon={<MenuUnfoldOutlined />} aria-label={t('menu.indent')} disabled={!can('indent')} onClick={() => move('indent')} />
          </Tooltip>
        </Space.Compact>
      </Space>
      {items.length === 0 ? (
        <Empty
          description={
            <>
              <div>{t('menu.empty')}</div>
              <Typography.Text type="secondary">{t('menu.emptyHint')}</Typography.Text>
            </>
          }
        />
      ) : (
        <>
          <Tree
            blockNode
            draggable={{ icon: false }}
            showLine
            // Keys are index paths, so they change with every move: keep every item open instead of tracking which.
            expandedKeys={allPaths(items).map(navKey)}
            selectedKeys={selected ? [navKey(selected)] : []}
            onSelect={(keys) => keys.length && select({ kind: 'navigation', path: pathOf(keys[0]) })}
            onDrop={onDrop}
            treeData={nodes(items, [], pages, issues, i18n.language, t('menu.group'))}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
            {t('menu.dragHint')}
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}
