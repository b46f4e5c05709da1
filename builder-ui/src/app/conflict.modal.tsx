/** Shown when autosave got 412: the consultant decides; nothing is overwritten silently. */
import { Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import { useSession } from './editor-session';

export function ConflictModal() {
  const { t } = useTranslation();
  const conflict = useBuilder((s) => s.save.status === 'conflict');
  const message = useBuilder((s) => s.save.message);
  const autosave = useSession((s) => s.autosave);
  const [busy, setBusy] = useState(false);
  const run = (fn: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={conflict}
      closable={false}
      maskClosable={false}
      title={t('conflict.title')}
      footer={
        <Space>
          <Button loading={busy} onClick={run(() => autosave!.reload())}>
            {t('conflict.reload')}
          </Button>
          <Button loading={busy} danger type="primary" onClick={run(() => autosave!.overwrite())}>
            {t('conflict.overwrite')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('conflict.body')}</Typography.Paragraph>
      {message && <Typography.Paragraph type="secondary">{message}</Typography.Paragraph>}
    </Modal>
  );
}
