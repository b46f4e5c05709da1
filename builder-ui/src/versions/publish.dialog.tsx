/** Publish with a note. Disabled while the draft has errors; server-side refusals are shown too. */
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api.client';
import { publishApp } from '../app/editor-session';
import { useBuilder } from '../store/builder.store';

export function PublishButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errors = useBuilder((s) => s.issues.all.length);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | Error | null>(null);

  const publish = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const info = await publishApp(note);
      void message.success(t('versions.published', { n: info.version }));
      setOpen(false);
      setNote('');
    } catch (err) {
      setFailure(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Tooltip title={errors ? t('toolbar.publishBlocked', { count: errors }) : undefined}>
        <Button type="primary" icon={<CloudUploadOutlined />} disabled={errors > 0} onClick={() => setOpen(true)} data-testid="publish">
          {t('toolbar.publish')}{errors ? ` (${errors})` : ''}
        </Button>
      </Tooltip>
      <Modal open={open} title={t('versions.publish')} okText={t('versions.publish')} confirmLoading={busy} onOk={publish} onCancel={() => setOpen(false)}>
        <Input.TextArea autoFocus aria-label={t('versions.note')} placeholder={t('versions.note')} value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={2000} />
        {failure && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon message={failure.message}
            description={failure instanceof ApiError && failure.errors.length ? <ul>{failure.errors.slice(0, 10).map((e) => <li key={e.pointer + e.message}><code>{e.pointer}</code> {e.message}</li>)}</ul> : undefined} />
        )}
      </Modal>
    </>
  );
}
