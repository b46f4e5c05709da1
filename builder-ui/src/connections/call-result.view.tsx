/**
 * A "Try it" answer: status, time, pages, cache, warnings and the output as formatted JSON; or
 * a failure: the problem's title and detail, the remote status and body (as the runtime
 * reports them, secrets redacted) and per-pointer input errors.
 */
import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api.client';
import type { CallResult, ConnectorFailure } from './connectors.api';
import { ProblemList } from './problem.list';

/** Rendering megabytes of JSON in a <pre> freezes the tab; the rest is cut with a note. */
const MAX_SHOWN = 200_000;

/** A remote body is often JSON sent as text: shown indented when it parses, as it came otherwise. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function JsonBlock({ value, testId }: { value: unknown; testId: string }) {
  const { t } = useTranslation();
  const text = typeof value === 'string' ? pretty(value) : (JSON.stringify(value, null, 2) ?? 'undefined');
  return (
    <>
      <pre
        data-testid={testId}
        style={{
          maxHeight: 480,
          overflow: 'auto',
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          padding: 8,
          fontSize: 12,
          margin: 0,
        }}
      >
        {text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN) : text}
      </pre>
      {text.length > MAX_SHOWN && <Typography.Text type="secondary">{t('connections.cut', { count: text.length })}</Typography.Text>}
    </>
  );
}

const statusColor = (s: number | undefined) => (s === undefined ? 'default' : s < 300 ? 'green' : s < 500 ? 'orange' : 'red');

export function CallResultView({ result, page }: { result: CallResult; page?: number }) {
  const { t } = useTranslation();
  const records = Array.isArray(result.output) ? result.output.length : undefined;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="call-result">
      <Space wrap size={12}>
        <Tag color={statusColor(result.status)} data-testid="call-status">
          {result.status}
        </Tag>
        <Typography.Text data-testid="call-time">{t('connections.took', { ms: Math.round(result.durationMs) })}</Typography.Text>
        {records !== undefined && <Typography.Text>{t('connections.records', { count: records })}</Typography.Text>}
        {page !== undefined && <Typography.Text type="secondary">{t('connections.pageNo', { n: page })}</Typography.Text>}
        {result.cached && <Tag color="blue">{t('connections.cached')}</Tag>}
      </Space>
      {result.warnings?.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('connections.warnings', { count: result.warnings.length })}
          description={<ProblemList issues={result.warnings} />}
        />
      )}
      <JsonBlock value={result.output} testId="call-output" />
    </Space>
  );
}

export function CallFailureView({ error }: { error: ApiError | Error }) {
  const { t } = useTranslation();
  const problem = error instanceof ApiError ? error : undefined;
  const remote = problem?.body.connector as ConnectorFailure | undefined;
  const title = (problem?.body.title as string | undefined) ?? error.message;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="call-failure">
      <Alert
        type="error"
        showIcon
        message={
          <Space wrap>
            {problem && <Tag color="red">{problem.status}</Tag>}
            <span>{title}</span>
          </Space>
        }
        description={problem?.detail && problem.detail !== title ? problem.detail : undefined}
      />
      {problem && problem.errors.length > 0 && <ProblemList issues={problem.errors} />}
      {remote && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('connections.remoteCode')}>{remote.code}</Descriptions.Item>
          {remote.status !== undefined && (
            <Descriptions.Item label={t('connections.remoteStatus')}>
              <Tag color={statusColor(remote.status)} data-testid="remote-status">
                {remote.status}
              </Tag>
            </Descriptions.Item>
          )}
          {remote.durationMs !== undefined && (
            <Descriptions.Item label={t('connections.time')}>
              {t('connections.took', { ms: Math.round(remote.durationMs) })}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {remote?.remoteBody !== undefined && (
        <>
          <Typography.Text strong>{t('connections.remoteBody')}</Typography.Text>
          <JsonBlock value={remote.remoteBody} testId="remote-body" />
        </>
      )}
    </Space>
  );
}
