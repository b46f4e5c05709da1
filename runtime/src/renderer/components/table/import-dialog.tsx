import { InboxOutlined } from '@ant-design/icons';
import { Alert, Modal, Progress, Table, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useRenderer } from '../../context/renderer.context';
import type { ImportJob } from '../../data/data-port';
import { useT } from '../../i18n/i18n.provider';

interface Props {
  entity: string;
  entityLabel: string;
  open: boolean;
  onClose(imported: boolean): void;
}

const POLL_MS = 600;

/** Upload a CSV, follow the import job's progress by polling, then list the rows that failed. */
export function ImportDialog({ entity, entityLabel, open, onClose }: Props) {
  const { t } = useT();
  const { port } = useRenderer();
  const [file, setFile] = useState<File>();
  const [job, setJob] = useState<ImportJob>();
  const [error, setError] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!open) {
      clearTimeout(timer.current);
      setFile(undefined);
      setJob(undefined);
      setError(undefined);
    }
  }, [open]);

  const poll = (jobId: string) => {
    port.importStatus(jobId).then((j) => {
      setJob(j);
      if (j.status === 'running') timer.current = setTimeout(() => poll(jobId), POLL_MS);
    }).catch((err: Error) => setError(err.message));
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
    <Modal open={open} title={t('import.title', { entity: entityLabel })} onCancel={() => onClose(!!job)} destroyOnHidden width={640}
      okText={job ? t('common.close') : t('import.start')} onOk={() => (job ? onClose(true) : start())}
      okButtonProps={{ disabled: (!file && !job) || running, loading: running }} cancelButtonProps={{ style: job ? { display: 'none' } : undefined }}>
      {!job && (
        <Upload.Dragger accept=".csv,text/csv" maxCount={1} beforeUpload={(f) => { setFile(f); return false; }}
          onRemove={() => setFile(undefined)} fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.hint')}</p>
        </Upload.Dragger>
      )}
      {job && (
        <>
          <Progress percent={percent} status={job.status === 'failed' ? 'exception' : running ? 'active' : job.failed ? 'normal' : 'success'} />
          <Typography.Paragraph>
            {running ? t('import.running', { processed: job.processed, total: job.total })
              : job.status === 'failed' ? t('import.failed') : t('import.done', { created: job.created, failed: job.failed })}
          </Typography.Paragraph>
          {job.errors.length > 0 && (
            <Table size="small" rowKey={(r) => `${r.line}-${r.field}-${r.message}`} dataSource={job.errors} pagination={{ pageSize: 8, size: 'small' }}
              columns={[
                { title: t('import.line'), dataIndex: 'line', width: 70 },
                { title: t('import.field'), dataIndex: 'field', width: 130, render: (f?: string) => f ?? '—' },
                { title: t('import.message'), dataIndex: 'message' },
              ]} />
          )}
        </>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
