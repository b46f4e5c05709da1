/**
 * A connection's settings: id (a rename that bound components follow), label, version range,
 * the `config` form generated from the manifest's config schema, the answer cache, and the
 * credential (stored in the vault, not in the draft).
 */
import { DeleteOutlined } from '@ant-design/icons';
import type { ConnectorManifest, JsonSchema } from '@tessera/core';
import { Button, Divider, Form, Input, InputNumber, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RenameInput } from '../forms/rename.input';
import { SchemaForm } from '../forms/schema-form';
import { useBuilder } from '../store/builder.store';
import type { DraftConnection } from '../store/commands/connection.commands';
import { labelText } from '../store/draft.types';
import { CredentialPanel } from './credential.panel';
import { splitRef } from './version-range';

export function ConnectionSettingsPanel({
  connection,
  manifest,
  taken,
}: {
  connection: DraftConnection;
  manifest: ConnectorManifest;
  taken: string[];
}) {
  const { t, i18n } = useTranslation();
  const dispatch = useBuilder((s) => s.dispatch);
  const select = useBuilder((s) => s.select);
  const update = (patch: Record<string, unknown>, coalesce?: string) =>
    dispatch(
      'updateConnection',
      { connectionId: connection.id, patch },
      coalesce ? { coalesce: `${connection.id}.${coalesce}` } : undefined,
    );
  const { name, range } = splitRef(connection.connector);
  const config = manifest.config && typeof manifest.config === 'object' ? (manifest.config as JsonSchema) : undefined;

  return (
    <div style={{ maxWidth: 720 }} data-testid="connection-settings">
      <RenameInput
        label={t('connections.id')}
        value={connection.id}
        taken={taken}
        onRename={(id) => {
          dispatch('renameConnection', { connectionId: connection.id, id });
          select({ kind: 'connection', connectionId: id });
        }}
      />
      <Form layout="vertical" size="small" component="div">
        <Form.Item label={t('connections.label')}>
          <Input
            aria-label={t('connections.label')}
            value={labelText(connection.label, i18n.language, '')}
            onChange={(e) => update({ label: e.target.value || undefined }, 'label')}
          />
        </Form.Item>
        <Form.Item label={t('connections.range')} help={t('connections.rangeHelp')}>
          <Input
            aria-label={t('connections.range')}
            addonBefore={`${name}@`}
            value={range}
            onChange={(e) => update({ connector: `${name}@${e.target.value}` }, 'range')}
          />
        </Form.Item>
      </Form>
      <Divider titlePlacement="start" plain>
        {t('connections.config')}
      </Divider>
      {config ? (
        <div data-testid="connection-config">
          <SchemaForm
            schema={config}
            value={connection.config ?? {}}
            onChange={(value, path) => update({ config: value }, `config.${path.join('.')}`)}
          />
        </div>
      ) : (
        <Typography.Paragraph type="secondary">{t('connections.noConfig')}</Typography.Paragraph>
      )}
      <Divider titlePlacement="start" plain>
        {t('connections.credential')}
      </Divider>
      <CredentialPanel connection={connection} manifest={manifest} />
      <Divider titlePlacement="start" plain>
        {t('connections.cache')}
      </Divider>
      <Form layout="vertical" size="small" component="div">
        <Form.Item label={t('connections.cacheSeconds')} help={t('connections.cacheHelp')}>
          <InputNumber
            aria-label={t('connections.cacheSeconds')}
            min={0}
            max={86400}
            precision={0}
            placeholder="0"
            value={connection.cacheSeconds}
            onChange={(v) => update({ cacheSeconds: v ?? undefined }, 'cache')}
          />
        </Form.Item>
      </Form>
      <Popconfirm
        title={t('connections.confirmDelete', { name: connection.id })}
        onConfirm={() => dispatch('removeConnection', { connectionId: connection.id })}
      >
        <Button danger icon={<DeleteOutlined />} style={{ marginTop: 16 }}>
          {t('connections.delete')}
        </Button>
      </Popconfirm>
    </div>
  );
}
