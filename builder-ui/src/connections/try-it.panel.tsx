/**
 * "Try it": the operation's input as a form generated from its input schema, "Send" calls it
 * through the runtime with the saved draft's connection (pending edits are saved first), and
 * the answer or the failure is shown. A list operation pages on with the answer's cursor.
 */
import { SendOutlined } from '@ant-design/icons';
import type { JsonSchema } from '@tessera/core';
import { Button, Divider, Form, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api.client';
import { useSession } from '../app/editor-session';
import { SchemaForm } from '../forms/schema-form';
import { useBuilder } from '../store/builder.store';
import type { DraftConnection } from '../store/commands/connection.commands';
import { CallFailureView, CallResultView } from './call-result.view';
import { connectorsApi, type CallResult } from './connectors.api';
import type { ManifestOperation } from './operation-groups';

type Outcome = { ok: true; result: CallResult } | { ok: false; error: ApiError | Error };

const hasFields = (schema: unknown): schema is JsonSchema =>
  !!schema && typeof schema === 'object' && Object.keys((schema as JsonSchema).properties ?? {}).length > 0;

export function TryItPanel({ connection, operation }: { connection: DraftConnection; operation: ManifestOperation }) {
  const { t } = useTranslation();
  const appId = useBuilder((s) => s.appId);
  const [input, setInput] = useState<Record<string, unknown>>({});
  const [size, setSize] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pageNo, setPageNo] = useState(1);
  const isList = operation.kind === 'list';

  const send = async (cursor?: string) => {
    if (!appId) return;
    setBusy(true);
    try {
      // The call uses the saved draft's connection: what is on screen must be saved first.
      await useSession.getState().autosave?.flush();
      const page = isList && (size || cursor) ? { ...(size ? { size } : {}), ...(cursor ? { cursor } : {}) } : undefined;
      const result = await connectorsApi.call(appId, connection.id, operation.id, { input, ...(page ? { page } : {}) });
      setOutcome({ ok: true, result });
      setPageNo((n) => (cursor ? n + 1 : 1));
    } catch (err) {
      setOutcome({ ok: false, error: err instanceof Error ? err : new Error(String(err)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="try-it">
      {operation.description && <Typography.Paragraph type="secondary">{operation.description}</Typography.Paragraph>}
      {hasFields(operation.input) ? (
        <div data-testid="try-it-input">
          <SchemaForm schema={operation.input} value={input} onChange={(v) => setInput((v as Record<string, unknown>) ?? {})} />
        </div>
      ) : (
        <Typography.Paragraph type="secondary">{t('connections.noInput')}</Typography.Paragraph>
      )}
      <Space wrap>
        {isList && (
          <Form.Item label={t('connections.pageSize')} style={{ marginBottom: 0 }}>
            <InputNumber
              size="small"
              min={1}
              max={1000}
              placeholder="—"
              value={size}
              onChange={setSize}
              aria-label={t('connections.pageSize')}
            />
          </Form.Item>
        )}
        <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={!appId} onClick={() => void send()}>
          {t('connections.send')}
        </Button>
        {outcome?.ok && outcome.result.nextCursor && (
          <Button loading={busy} onClick={() => void send(outcome.result.nextCursor)}>
            {t('connections.nextPage')}
          </Button>
        )}
      </Space>
      {outcome && <Divider />}
      {outcome?.ok && <CallResultView result={outcome.result} page={isList ? pageNo : undefined} />}
      {outcome && !outcome.ok && <CallFailureView error={outcome.error} />}
    </div>
  );
}
