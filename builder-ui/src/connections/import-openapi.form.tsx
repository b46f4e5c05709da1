/**
 * Import an OpenAPI 3.0/3.1 or Swagger 2.0 document (JSON or YAML) as a connector: upload a
 * file, paste its text, or give a URL the server fetches through its safe outbound client.
 * A broken document is shown with the pointers the server gives; warnings are listed after.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Segmented, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api.client';
import { useCatalogue } from './connector-catalogue.store';
import { connectorsApi, type ConnectorItem, type Warning } from './connectors.api';
import { ProblemList } from './problem.list';

type Via = 'file' | 'paste' | 'url';
/** Bigger documents exist (5 MB+ specs); the server bounds what it accepts, this only keeps the tab responsive. */
const MAX_FILE = 20 * 1024 * 1024;

export function ImportOpenApiForm({ onImported }: { onImported(item: ConnectorItem): void }) {
  const { t } = useTranslation();
  const [via, setVia] = useState<Via>('url');
  const [document, setDocument] = useState('');
  const [fileName, setFileName] = useState('');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const ready = via === 'url' ? /^https?:\/\/\S+$/.test(url.trim()) : document.trim().length > 0;

  const run = async () => {
    setBusy(true);
    setError(null);
    setWarnings([]);
    try {
      const body = { ...(via === 'url' ? { url: url.trim() } : { document }), ...(name.trim() ? { name: name.trim() } : {}) };
      const { connector, warnings: w } = await connectorsApi.import(body);
      setWarnings(w ?? []);
      await useCatalogue.getState().reload();
      onImported(connector);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" size="small" component="div" data-testid="import-openapi">
      <Form.Item>
        <Segmented<Via>
          value={via}
          onChange={setVia}
          options={[
            { value: 'url', label: t('connections.import.url') },
            { value: 'file', label: t('connections.import.file') },
            { value: 'paste', label: t('connections.import.paste') },
          ]}
        />
      </Form.Item>
      {via === 'url' && (
        <Form.Item label={t('connections.import.urlLabel')} help={t('connections.import.urlHelp')}>
          <Input
            aria-label={t('connections.import.urlLabel')}
            placeholder="https://api.example.com/openapi.json"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </Form.Item>
      )}
      {via === 'file' && (
        <Form.Item>
          <Upload.Dragger
            accept=".json,.yaml,.yml"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > MAX_FILE) setError(new Error(t('connections.import.tooBig')));
              else
                void file.text().then((text) => {
                  setDocument(text);
                  setFileName(file.name);
                });
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{fileName ? t('connections.import.chosen', { name: fileName }) : t('connections.import.drop')}</p>
          </Upload.Dragger>
        </Form.Item>
      )}
      {via === 'paste' && (
        <Form.Item label={t('connections.import.pasteLabel')}>
          <Input.TextArea
            aria-label={t('connections.import.pasteLabel')}
            rows={8}
            style={{ fontFamily: 'monospace' }}
            value={document}
            onChange={(e) => setDocument(e.target.value)}
          />
        </Form.Item>
      )}
      <Form.Item label={t('connections.import.name')} help={t('connections.import.nameHelp')}>
        <Input aria-label={t('connections.import.name')} placeholder="acme-shop" value={name} onChange={(e) => setName(e.target.value)} />
      </Form.Item>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button type="primary" loading={busy} disabled={!ready} onClick={() => void run()}>
          {t('connections.import.run')}
        </Button>
        {error && (
          <Alert
            type="error"
            showIcon
            message={error.message}
            description={error instanceof ApiError && error.errors.length ? <ProblemList issues={error.errors} /> : undefined}
          />
        )}
        {warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('connections.import.warnings', { count: warnings.length })}
            description={<ProblemList issues={warnings} />}
          />
        )}
      </Space>
    </Form>
  );
}
