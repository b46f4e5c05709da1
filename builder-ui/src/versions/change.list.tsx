/** The semantic diff (semantic-diff.ts) in words: one line per thing added, removed, renamed or changed. */
import { MinusCircleOutlined, PlusCircleOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Empty, List } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Change, ChangeKind } from './semantic-diff';

const ICONS: Record<ChangeKind, React.ReactNode> = {
  added: <PlusCircleOutlined style={{ color: '#52c41a' }} />,
  removed: <MinusCircleOutlined style={{ color: '#ff4d4f' }} />,
  renamed: <SwapOutlined style={{ color: '#1677ff' }} />,
  changed: <EditOutlined style={{ color: '#faad14' }} />,
};

export function describeChange(c: Change, t: TFunction): string {
  // A component is named by its type ("Kanban"), and its title when it has one.
  const type = c.type ? t(`types.component.${c.type}.title`, { defaultValue: c.type }) : '';
  const name = c.thing === 'component' ? (c.name ? `${type} “${c.name}”` : type) : c.name;
  return t(`versions.change.${c.thing}.${c.kind}`, { name, from: c.from, in: c.in });
}

export function ChangeList({ changes }: { changes: Change[] }) {
  const { t } = useTranslation();
  if (!changes.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('versions.noChanges')} data-testid="no-changes" />;
  return (
    <List
      size="small"
      bordered
      data-testid="changes"
      dataSource={changes}
      renderItem={(c) => (
        <List.Item>
          <span>
            {ICONS[c.kind]} {describeChange(c, t)}
          </span>
        </List.Item>
      )}
    />
  );
}
