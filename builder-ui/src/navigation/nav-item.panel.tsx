/** A menu item's settings (label, page, icon) generated from the NavItem schema; sub-items are edited on the tree. */
import { DeleteOutlined } from '@ant-design/icons';
import { allDefs, standaloneSchema, type RefSpec } from '@tessera/core';
import { Alert, Button, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SchemaForm } from '../forms/schema-form';
import { useAppFormContext } from '../shared/app-form-context';
import { useBuilder } from '../store/builder.store';
import type { DraftNavItem } from '../store/draft.types';
import { navKey } from '../store/issue-mapping';
import type { NavPath } from '../store/nav-tree';

const NAV_REFS: RefSpec[] = [{ path: 'page', kind: 'page' }];

export function NavItemPanel({ item, path }: { item: DraftNavItem; path: NavPath }) {
  const { t } = useTranslation();
  const dispatch = useBuilder((s) => s.dispatch);
  const issues = useBuilder((s) => s.issues.byNavItem.get(navKey(path)));
  const ctx = useAppFormContext(NAV_REFS);
  const schema = useMemo(() => {
    const { children: _c, ...properties } = allDefs().NavItem.properties ?? {};
    return standaloneSchema({ ...allDefs().NavItem, properties });
  }, []);
  const { children: _children, ...own } = item;
  return (
    <div data-testid="nav-item-panel">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('menu.item')}
      </Typography.Title>
      {issues?.map((i) => (
        <Alert key={i.pointer + i.message} type="error" showIcon message={i.message} style={{ marginBottom: 8 }} />
      ))}
      <SchemaForm
        schema={schema}
        value={own}
        context={ctx}
        onChange={(value, p) =>
          dispatch('setNavItem', { path, item: value as DraftNavItem }, { coalesce: `nav:${navKey(path)}.${p.join('.')}` })
        }
      />
      <Button danger icon={<DeleteOutlined />} onClick={() => dispatch('removeNavItem', { path })}>
        {t('menu.deleteItem')}
      </Button>
    </div>
  );
}
