/** The app's pages, with error counts; a new page asks only for its title. */
import { FileOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Input, Menu, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import { labelText } from '../store/draft.types';

export function PageListPanel({ selectedId }: { selectedId?: string }) {
  const { t, i18n } = useTranslation();
  const pages = useBuilder((s) => s.definition?.pages ?? []);
  const byPage = useBuilder((s) => s.issues.byPage);
  const dispatch = useBuilder((s) => s.dispatch);
  const select = useBuilder((s) => s.select);
  const [title, setTitle] = useState('');
  const [open, setOpen] = useState(false);
  const add = () => {
    if (!title.trim()) return;
    dispatch('addPage', { title: title.trim() });
    setTitle('');
    setOpen(false);
  };
  return (
    <div>
      <Space style={{ padding: '12px 12px 4px', justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>{t('pages.pages')}</Typography.Text>
        <Popover
          open={open}
          onOpenChange={setOpen}
          trigger="click"
          title={t('pages.addPage')}
          content={
            <Space.Compact>
              <Input
                autoFocus
                aria-label={t('pages.pageTitle')}
                placeholder="Customers"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                onPressEnter={add}
              />
              <Button type="primary" onClick={add}>
                {t('common.create')}
              </Button>
            </Space.Compact>
          }
        >
          <Button size="small" type="primary" icon={<PlusOutlined />}>
            {t('pages.addPage')}
          </Button>
        </Popover>
      </Space>
      {pages.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ padding: '0 12px' }}>
          {t('pages.noPages')}
        </Typography.Paragraph>
      ) : (
        <Menu
          mode="inline"
          style={{ borderInlineEnd: 0 }}
          selectedKeys={selectedId ? [selectedId] : []}
          onClick={({ key }) => select({ kind: 'page', pageId: key })}
          items={pages.map((p) => ({
            key: p.id,
            icon: <FileOutlined />,
            label: (
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <span>{labelText(p.title, i18n.language, p.id)}</span>
                <Badge count={byPage.get(p.id)?.length ?? 0} size="small" />
              </Space>
            ),
          }))}
        />
      )}
    </div>
  );
}
