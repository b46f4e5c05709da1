import { Menu, type MenuProps } from 'antd';
import type { AppDefinition, Label, NavItem } from '@tessera/core';
import { useT } from '../i18n/i18n.provider';
import { iconOf } from './icons';
import { pageIsUsable } from './page-access';
import type { EntityPermissions } from '@tessera/core/wire';

type Item = Required<MenuProps>['items'][number];

/** The menu from the definition's `navigation`; without one, every page without a route parameter. */
export function AppMenu({
  definition,
  permissions,
  selected,
  onOpen,
}: {
  definition: AppDefinition;
  /** The caller's (`/runtime`): pages the role cannot use are left out (see page-access.ts). */
  permissions?: Record<string, EntityPermissions>;
  selected?: string;
  onOpen(pageId: string): void;
}) {
  const { label } = useT();
  const pages = new Map((definition.pages ?? []).map((p) => [p.id, p]));
  const shown = (n: NavItem): NavItem | null => {
    const children = n.children?.map(shown).filter((c): c is NavItem => c !== null);
    const page = n.page !== undefined ? pages.get(n.page) : undefined;
    if (page && !pageIsUsable(page, permissions)) return children?.length ? { ...n, page: undefined, children } : null;
    if (n.children?.length && !children?.length && !n.page) return null; // a group left empty
    return { ...n, children };
  };
  const nav: NavItem[] = (
    definition.navigation?.length
      ? definition.navigation
      : (definition.pages ?? []).filter((p) => !p.route.includes(':')).map((p) => ({ label: p.title, page: p.id }))
  )
    .map(shown)
    .filter((n): n is NavItem => n !== null);
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
