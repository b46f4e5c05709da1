/** Dirty / saving / saved / error / conflict, next to the undo buttons. */
import { CheckCircleOutlined, CloudSyncOutlined, EditOutlined, ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';

const LOOK = {
  idle: { color: 'default', icon: null },
  dirty: { color: 'gold', icon: <EditOutlined /> },
  saving: { color: 'processing', icon: <CloudSyncOutlined spin /> },
  saved: { color: 'success', icon: <CheckCircleOutlined /> },
  error: { color: 'error', icon: <ExclamationCircleOutlined /> },
  conflict: { color: 'warning', icon: <WarningOutlined /> },
} as const;

export function SaveIndicator() {
  const { t } = useTranslation();
  const save = useBuilder((s) => s.save);
  if (save.status === 'idle') return null;
  const look = LOOK[save.status];
  return (
    <Tag color={look.color} icon={look.icon} data-testid="save-status">
      {t(`save.${save.status}`, { message: save.message ?? '' })}
    </Tag>
  );
}
