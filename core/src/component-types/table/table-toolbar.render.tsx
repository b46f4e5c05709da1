import { DownloadOutlined, PlusOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Popover, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '@tessera/renderer/kit';

interface Props {
  search?: { value: string; onChange(v: string): void };
  columns: Array<{ field: string; title: string }>;
  visible: string[];
  onVisible(fields: string[]): void;
  onExport?(): void;
  onImport?(): void;
  onNew?(): void;
  views?: ReactNode;
}

/** Search left; views, columns, export/import and "new" right. Icon-only buttons keep a tooltip. */
export function TableToolbar({ search, columns, visible, onVisible, onExport, onImport, onNew, views }: Props) {
  const { t } = useT();
  const chooser = (
    <Checkbox.Group
      value={visible}
      onChange={(v) => v.length && onVisible(columns.map((c) => c.field).filter((f) => v.includes(f)))}
      style={{ display: 'grid', gap: 6, maxHeight: 320, overflow: 'auto' }}
      options={columns.map((c) => ({ value: c.field, label: c.title }))}
    />
  );
  return (
    <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
      <Flex gap={8} align="center" wrap style={{ flex: '1 1 220px', minWidth: 0 }}>
        {search && (
          <Input.Search
            allowClear
            placeholder={t('table.search')}
            defaultValue={search.value}
            onSearch={search.onChange}
            onChange={(e) => !e.target.value && search.onChange('')}
            style={{ maxWidth: 280 }}
            aria-label={t('table.search')}
          />
        )}
        {views}
      </Flex>
      <Flex gap={8} align="center">
        <Popover trigger="click" placement="bottomRight" title={t('table.columns')} content={chooser}>
          <Tooltip title={t('table.columns')}>
            <Button icon={<SettingOutlined />} aria-label={t('table.columns')} />
          </Tooltip>
        </Popover>
        {onExport && (
          <Tooltip title={t('table.export')}>
            <Button icon={<DownloadOutlined />} onClick={onExport} aria-label={t('table.export')} />
          </Tooltip>
        )}
        {onImport && (
          <Tooltip title={t('table.import')}>
            <Button icon={<UploadOutlined />} onClick={onImport} aria-label={t('table.import')} />
          </Tooltip>
        )}
        {onNew && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onNew}>
            {t('table.new')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
