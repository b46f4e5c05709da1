/**
 * Page-level settings generated from the Page schema (its components are edited on the canvas);
 * the id is renamed on its own, so menu items and page links follow.
 */
import { DeleteOutlined } from '@ant-design/icons';
import { allDefs, standaloneSchema } from '@tessera/core';
import { Button, Popconfirm, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RenameInput, withoutId } from '../forms/rename.input';
import { SchemaForm } from '../forms/schema-form';
import { useAppFormContext } from '../shared/app-form-context';
import { useBuilder } from '../store/builder.store';
import type { DraftPage } from '../store/draft.types';

export function PageSettingsPanel({ page }: { page: DraftPage }) {
  const { t } = useTranslation();
  const dispatch = useBuilder((s) => s.dispatch);
  const pageIds = useBuilder((s) => s.definition?.pages.map((p) => p.id).join(' ') ?? '');
  const ctx = useAppFormContext();
  const schema = useMemo(() => {
    const { components: _c, ...properties } = allDefs().Page.properties ?? {};
    return withoutId(standaloneSchema({ ...allDefs().Page, properties }));
  }, []);
  const { components: _components, ...settings } = page;
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('pages.pageSettings')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pages.selectComponent')}</Typography.Paragraph>
      <RenameInput value={page.id} taken={pageIds.split(' ')} onRename={(id) => dispatch('renamePage', { pageId: page.id, id })} />
      <SchemaForm
        schema={schema}
        value={settings}
        context={ctx}
        onChange={(value, path) =>
          dispatch(
            'updatePage',
            { pageId: page.id, patch: value as Record<string, unknown> },
            { coalesce: `page:${page.id}.${path.join('.')}` },
          )
        }
      />
      <Popconfirm title={t('data.confirmDelete', { name: page.id })} onConfirm={() => dispatch('removePage', { pageId: page.id })}>
        <Button danger icon={<DeleteOutlined />}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </div>
  );
}
