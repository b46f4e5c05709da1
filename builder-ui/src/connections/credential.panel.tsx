/**
 * The connection's credential: the auth type (one the manifest accepts) and its secret, sent
 * once to the vault (PUT). The secret is write-only: after saving, the inputs are emptied and
 * only "set · updated <time>" is shown; the reference (default: the connection id) goes into
 * the draft as `credential`.
 */
import { CheckCircleFilled } from '@ant-design/icons';
import type { ConnectorManifest } from '@tessera/core';
import { Alert, Button, Form, Input, Popconfirm, Segmented, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import type { DraftConnection } from '../store/commands/connection.commands';
import { credentialsApi, type CredentialInfo, type CredentialsApi } from './connectors.api';
import { acceptedAuth, SECRET_FIELDS, secretBody, type AuthType } from './credential-kinds';

export function CredentialPanel({
  connection,
  manifest,
  api = credentialsApi,
}: {
  connection: DraftConnection;
  manifest: ConnectorManifest;
  api?: CredentialsApi;
}) {
  const { t, i18n } = useTranslation();
  const appId = useBuilder((s) => s.appId);
  const dispatch = useBuilder((s) => s.dispatch);
  const types = acceptedAuth(manifest);
  const ref = connection.credential ?? connection.id;
  const [type, setType] = useState<AuthType | undefined>(types[0]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [info, setInfo] = useState<CredentialInfo | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!appId) return;
    try {
      const list = await api.list(appId);
      setInfo(list.find((c) => c.ref === ref) ?? null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [api, appId, ref]);
  useEffect(() => void refresh(), [refresh]);

  if (!types.length) return <Typography.Paragraph type="secondary">{t('connections.noAuth')}</Typography.Paragraph>;
  const fields = type ? SECRET_FIELDS[type] : [];
  const complete = fields.every((f) => (values[f.key] ?? '').length > 0);

  const save = async () => {
    if (!appId || !type) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.put(appId, ref, secretBody(type, values));
      setValues({});
      setInfo(saved);
      if (connection.credential !== ref) dispatch('updateConnection', { connectionId: connection.id, patch: { credential: ref } });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!appId) return;
    await api.remove(appId, ref).catch((err) => setError(err instanceof Error ? err.message : String(err)));
    await refresh();
  };
  const when = info?.updatedAt ? new Date(info.updatedAt).toLocaleString(i18n.language) : '';

  return (
    <Form layout="vertical" size="small" component="div" data-testid="credential-panel" style={{ maxWidth: 480 }}>
      <Typography.Paragraph type="secondary">{t('connections.credentialHint', { ref })}</Typography.Paragraph>
      {info && (
        <Space style={{ marginBottom: 12 }} data-testid="credential-status">
          <CheckCircleFilled style={{ color: '#52c41a' }} />
          <Typography.Text>
            {t('connections.credentialSet', { type: t(`connections.auth.${info.type}`, { defaultValue: info.type }), when })}
          </Typography.Text>
          <Popconfirm title={t('connections.confirmDeleteCredential')} onConfirm={() => void remove()}>
            <Button size="small" type="link" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {info === null && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('connections.credentialMissing')} />}
      {types.length > 1 && (
        <Form.Item label={t('connections.authType')}>
          <Segmented<AuthType>
            value={type}
            onChange={(v) => {
              setType(v);
              setValues({});
            }}
            options={types.map((x) => ({ value: x, label: t(`connections.auth.${x}`) }))}
          />
        </Form.Item>
      )}
      {fields.map((f) => {
        const label = t(`connections.secret.${f.key}`);
        const Field = f.secret ? Input.Password : Input;
        return (
          <Form.Item key={f.key} label={label}>
            <Field
              aria-label={label}
              autoComplete={f.secret ? 'new-password' : 'off'}
              value={values[f.key] ?? ''}
              placeholder={info && f.secret ? t('connections.secretKept') : undefined}
              onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
            />
          </Form.Item>
        );
      })}
      <Button type="primary" loading={busy} disabled={!complete || !appId} onClick={() => void save()}>
        {info ? t('connections.replaceCredential') : t('connections.saveCredential')}
      </Button>
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} />}
    </Form>
  );
}
