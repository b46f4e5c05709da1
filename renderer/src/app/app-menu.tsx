import { Menu, type MenuProps } from 'antd';
import type { AppDefinition, Label, NavItem } from '@tessera/core';
import { useT } from '../i18n/i18n.provider';
import { iconOf } from './icons';

type Item = Required<MenuProps>['items'][number];

/** The menu from the definition's `navigation`; without one, every page without a route parameter. */
export function AppMenu({ definition, selected, onOpen }: { definition: AppDefinition; selected?: string; onOpen(pageId: string): void }) {
  const { label } = useT();
  const nav: NavItem[] = definition.navigation?.length
    ? definition.navigation
    : (definition.pages ?? []).filter((p) => !p.route.includes(':')).map((p) => ({ label: p.title, page: p.id }));
  const toItem = (n: NavItem, path: string): Item => {
    const key = n.page ?? `group:${path}`;
    const text = label(n.label as Label, n.page ?? '');
    return n.children?.length
      ? { key, icon: iconOf(n.icon), label: text, children: n.children.map((c, i) => toItem(c, `${path}.${i}`)) }
      : { key, icon: iconOf(n.icon), label: text };
  };
  const items = nav.map((n, i) => toItem(n, String(i)));
  const openKeys = nav.map((n, i) => (n.children?.length ? (n.page ?? `group:${i}`) : undefined)).filter((k): k is string => !!k);
  return (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={openKeys}
      onClick={({ key }) => !key.startsWith('group:') && onOpen(key)}
      style={{ borderInlineEnd: 0 }}
    />
  );
}
