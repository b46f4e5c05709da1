/** The editor's header: back, app name, undo/redo, save state, problems, preview, the live app (once published), publish. */
import { ArrowLeftOutlined, BugOutlined, EyeOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { Badge, Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHistory } from '../store/history.hook';
import { useBuilder } from '../store/builder.store';
import { PublishButton } from '../versions/publish.dialog';
import { LanguageSwitch } from './language.switch';
import { OpenAppLink } from './open-app.link';
import { SaveIndicator } from './save-indicator';

export function EditorToolbar({ onBack, onProblems, onPreview }: { onBack(): void; onProblems(): void; onPreview(): void }) {
  const { t } = useTranslation();
  const name = useBuilder((s) => s.definition?.name);
  const errors = useBuilder((s) => s.issues.all.length);
  const appId = useBuilder((s) => s.appId);
  const published = useBuilder((s) => !!s.live);
  const h = useHistory();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, width: '100%' }}>
      <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack}>
        {t('nav.back')}
      </Button>
      <Typography.Title level={5} style={{ margin: 0, flex: 1 }} ellipsis>
        {name}
      </Typography.Title>
      <Space.Compact>
        <Tooltip title={h.undoLabel ? t('toolbar.undoCmd', { cmd: h.undoLabel }) : t('toolbar.undo')}>
          <Button icon={<UndoOutlined />} disabled={!h.canUndo} onClick={h.undo} aria-label={t('toolbar.undo')} data-testid="undo" />
        </Tooltip>
        <Tooltip title={h.redoLabel ? t('toolbar.redoCmd', { cmd: h.redoLabel }) : t('toolbar.redo')}>
          <Button icon={<RedoOutlined />} disabled={!h.canRedo} onClick={h.redo} aria-label={t('toolbar.redo')} data-testid="redo" />
        </Tooltip>
      </Space.Compact>
      <SaveIndicator />
      <Badge count={errors} size="small">
        <Button icon={<BugOutlined />} onClick={onProblems} danger={errors > 0} data-testid="problems">
          {errors ? t('toolbar.errors', { count: errors }) : t('toolbar.noErrors')}
        </Button>
      </Badge>
      <Button icon={<EyeOutlined />} onClick={onPreview}>
        {t('toolbar.preview')}
      </Button>
      {published && appId && <OpenAppLink appId={appId} />}
      <PublishButton />
      <LanguageSwitch />
    </div>
  );
}
