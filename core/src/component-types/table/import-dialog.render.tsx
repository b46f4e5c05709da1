import { InboxOutlined } from '@ant-design/icons';
import { Alert, Modal, Progress, Table, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import type { AppDefinition, Label } from '@tessera/core';
import {
  findEntity,
  findField,
  useRenderer,
  isApiError,
  type ImportError,
  type ImportJob,
  useT,
  validationText,
} from '@tessera/renderer/kit';

interface Props {
  entity: string;
  entityLabel: string;
  open: boolean;
  onClose(imported: boolean): void;
}

const POLL_MS = 600;
const RETRY_MS = 2000;
const MAX_RETRIES = 60;

/** The report's problem in the user's language; a relation names its entity by label. */
function problemText(
  e: ImportError,
  t: TFunction,
  label: (l: Label | undefined, fallback: string) => string,
  definition: AppDefinition | undefined,
): string {
  const entity = e.code === 'relation' && e.params ? findEntity(definition, String(e.params.entity)) : undefined;
  const params = entity ? { ...e.params, entity: label(entity.label as Label, entity.id) } : e.params;
  return validationText({ ...e, params }, t);
}

function summary(job: ImportJob, t: TFunction): string {
  if (job.status === 'running') return t('import.running', { processed: job.processed, total: job.total });
  if (job.status === 'interrupted') {
    return t('import.interrupted', { line: job.lastLine ?? 1, created: job.created, failed: job.failed, rest: job.total - job.processed });
  }
  return job.status === 'failed' ? t('import.failed') : t('import.done', { created: job.created, failed: job.failed });
}

/** Upload a CSV, follow the import job's progress by polling (through a server restart: the job is in the store), then list the rows that failed. */
export function ImportDialog({ entity, entityLabel, open, onClose }: Props) {
  const { t, label } = useT();
  const { port, definition } = useRenderer();
  const target = findEntity(definition, entity);
  const [file, setFile] = useState<File>();
  const [job, setJob] = useState<ImportJob>();
  const [error, setError] = useState<string>();
  const [reconnecting, setReconnecting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!open) {
      clearTimeout(timer.current);
      setFile(undefined);
      setJob(undefined);
      setError(undefined);
      setReconnecting(false);
    }
  }, [open]);

  const poll = (jobId: string, failures = 0) => {
    port
      .importStatus(jobId)
      .then((j) => {
        setJob(j);
        setReconnecting(false);
        if (j.status === 'running') timer.current = setTimeout(() => poll(jobId), POLL_MS);
      })
      .catch((err: Error) => {
        // The server may be restarting: the job is kept in the store, so keep asking for a while.
        const transient = !isApiError(err) || err.status >= 500;
        if (transient && failures < MAX_RETRIES) {
          setReconnecting(true);
          timer.current = setTimeout(() => poll(jobId, failures + 1), RETRY_MS);
        } else {
          setReconnecting(false);
          setError(err.message);
        }
      });
  };
  const start = async () => {
    if (!file) return;
    setError(undefined);
    try {
      const { jobId } = await port.importCsv(entity, file);
      poll(jobId);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const running = job?.status === 'running';
  const percent = job && job.total ? Math.round((job.processed / job.total) * 100) : 0;
  return (
    <Modal
      open={open}
      title={t('import.title', { entity: entityLabel })}
      onCancel={() => onClose(!!job)}
      destroyOnHidden
      width={640}
      okText={job ? t('common.close') : t('import.start')}
      onOk={() => (job ? onClose(true) : start())}
      okButtonProps={{ disabled: (!file && !job) || running, loading: running }}
      cancelButtonProps={{ style: job ? { display: 'none' } : undefined }}
    >
      {!job && (
        <Upload.Dragger
          accept=".csv,text/csv"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(undefined)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.hint')}</p>
        </Upload.Dragger>
      )}
      {job && (
        <>
          <Progress
            percent={percent}
            status={
              job.status === 'failed' || job.status === 'interrupted' ? 'exception' : running ? 'active' : job.failed ? 'normal' : 'success'
            }
          />
          {job.status === 'interrupted' ? (
            <Alert type="warning" showIcon title={summary(job, t)} style={{ marginBottom: 12 }} />
          ) : (
            <Typography.Paragraph>
              {summary(job, t)}
              {reconnecting && <Typography.Text type="secondary"> · {t('app.offline')}</Typography.Text>}
            </Typography.Paragraph>
          )}
          {job.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(r) => `${r.line}-${r.field}-${r.message}`}
              dataSource={job.errors}
              pagination={{ pageSize: 8, size: 'small' }}
              columns={[
                { title: t('import.line'), dataIndex: 'line', width: 70, render: (line: number) => line || t('import.wholeFile') },
                {
                  title: t('import.field'),
                  dataIndex: 'field',
                  width: 130,
                  render: (f?: string) => (f ? label(findField(target, f)?.label as Label | undefined, f) : '—'),
                },
                // The English sentence stays at hand (hover) for whoever reports the problem onwards.
                {
                  title: t('import.message'),
                  key: 'message',
                  render: (_: unknown, e: ImportError) => <span title={e.message}>{problemText(e, t, label, definition)}</span>,
                },
              ]}
            />
          )}
        </>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
