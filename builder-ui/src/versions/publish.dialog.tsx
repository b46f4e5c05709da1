/**
 * Publish with a note. Disabled while the draft has errors, and while it is the live version
 * (nothing to publish); server-side refusals are shown too. Lists the renames since the last
 * publish whose stored data moves: the server derives them from the rename log saved with the
 * draft, so opening the dialog saves pending edits and asks it.
 */
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Tooltip } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenameEntry } from '@tessera/core/renames';
import { ApiError } from '../api/api.client';
import { appsApi } from '../api/apps.api';
import { publishApp, useSession } from '../app/editor-session';
import { useBuilder } from '../store/builder.store';
import { PublishedNotice } from './published.notice';
import { RenameList } from './rename.list';

/** What the next publish moves, as the server derives it from the saved draft's rename log. */
async function renamesToPublish(appId: string): Promise<RenameEntry[]> {
  await useSession.getState().autosave?.flush();
  return (await appsApi.getApp(appId)).renamesToPublish;
}

export function PublishButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errors = useBuilder((s) => s.issues.all.length);
  const appId = useBuilder((s) => s.appId);
  const log = useBuilder((s) => s.renames);
  const upToDate = useBuilder((s) => s.upToDate);
  const liveVersion = useBuilder((s) => s.live?.version);
  const note = useSession((s) => s.publishNote);
  const setNote = useSession((s) => s.setPublishNote);
  const noteBox = useRef<TextAreaRef>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | Error | null>(null);
  const [renames, setRenames] = useState<RenameEntry[] | null>(null);

  useEffect(() => {
    if (!open || !appId || !log.length) return;
    let live = true;
    renamesToPublish(appId).then(
      (list) => live && setRenames(list),
      (err: Error) => live && setFailure(err),
    );
    return () => {
      live = false;
    };
  }, [open, appId, log]);

  const publish = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const info = await publishApp(note);
      const moved = [...(info.migrated?.entities ?? []), ...(info.migrated?.fields ?? [])].reduce((n, r) => n + r.moved, 0);
      const text = info.migrated
        ? t('versions.moved', { n: info.version, count: moved, views: info.migrated.views ?? 0 })
        : t('versions.published', { n: info.version });
      void message.success({ content: <PublishedNotice text={text} appId={appId!} />, duration: 8 });
      setOpen(false);
      setNote('');
      setRenames(null);
    } catch (err) {
      setFailure(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const blocked = errors
    ? t('toolbar.publishBlocked', { count: errors })
    : upToDate
      ? t('toolbar.upToDate', { n: liveVersion })
      : undefined;
  return (
    <>
      <Tooltip title={blocked}>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          disabled={errors > 0 || upToDate}
          onClick={() => setOpen(true)}
          data-testid="publish"
        >
          {t('toolbar.publish')}
          {errors ? ` (${errors})` : ''}
        </Button>
      </Tooltip>
      <Modal
        open={open}
        title={t('versions.publish')}
        okText={t('versions.publish')}
        confirmLoading={busy}
        okButtonProps={{ disabled: log.length > 0 && !renames }}
        onOk={publish}
        // The dialog moves focus to itself as it opens, after the box's autoFocus: focus the box once it is open.
        afterOpenChange={(opened) => opened && noteBox.current?.focus({ cursor: 'end' })}
        onCancel={() => {
          setOpen(false);
          setRenames(null);
        }}
      >
        <Input.TextArea
          ref={noteBox}
          autoFocus
          aria-label={t('versions.note')}
          placeholder={t('versions.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={3}
          maxLength={2000}
          data-testid="publish-note"
        />
        {!!renames?.length && <RenameList renames={renames} />}
        {failure && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            message={failure.message}
            description={
              failure instanceof ApiError && failure.errors.length ? (
                <ul>
                  {failure.errors.slice(0, 10).map((e) => (
                    <li key={e.pointer + e.message}>
                      <code>{e.pointer}</code> {e.message}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
      </Modal>
    </>
  );
}
