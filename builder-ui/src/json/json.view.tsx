/**
 * The whole definition as JSON. Edits stay local until applied; applying a parseable document is
 * one `replaceDefinition` command (undoable), then validation shows what is wrong, if anything.
 * An id changed in the text is a new id unless it is listed under "Renamed" (`entity.old=new`,
 * `oldEntity=newEntity`): those go into the rename log, so the publish moves their stored data.
 */
import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import { parseRenameSpec, type RenameEntry } from '@tessera/core/renames';
import { Alert, App, Button, Input, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import type { Draft } from '../store/draft.types';

const JsonEditor = lazy(() => import('./json.editor'));

export function JsonView() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const definition = useBuilder((s) => s.definition);
  const dispatch = useBuilder((s) => s.dispatch);
  const pretty = useMemo(() => JSON.stringify(definition, null, 2), [definition]);
  const [text, setText] = useState(pretty);
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!touched) setText(pretty);
  }, [pretty, touched]);

  const parsed = useMemo(() => {
    try {
      const value = JSON.parse(text) as unknown;
      if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: 'the definition must be a JSON object' };
      return { value: value as Draft };
    } catch (err) {
      return { error: (err as Error).message };
    }
  }, [text]);

  const [renameText, setRenameText] = useState('');
  const renames = useMemo((): { list: RenameEntry[]; error?: string } => {
    try {
      return {
        list: renameText
          .split(/[\s,]+/)
          .filter(Boolean)
          .map(parseRenameSpec),
      };
    } catch (err) {
      return { list: [], error: (err as Error).message };
    }
  }, [renameText]);

  const apply = () => {
    if (!parsed.value || renames.error) return;
    dispatch('replaceDefinition', { definition: parsed.value, renames: renames.list });
    setTouched(false);
    setRenameText('');
    void message.success(t('json.applied'));
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', padding: 16, gap: 8 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space direction="vertical" size={0}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('json.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('json.hint')}</Typography.Text>
        </Space>
        <Space>
          <Button
            icon={<UndoOutlined />}
            disabled={!touched}
            onClick={() => {
              setTouched(false);
              setText(pretty);
            }}
          >
            {t('json.reset')}
          </Button>
          <Button type="primary" icon={<CheckOutlined />} disabled={!touched || !parsed.value || !!renames.error} onClick={apply}>
            {t('json.apply')}
          </Button>
        </Space>
      </Space>
      {touched && parsed.error && <Alert type="error" showIcon message={t('json.invalidJson', { message: parsed.error })} />}
      <Input
        addonBefore={t('json.renamed')}
        placeholder="contact.lastName=surname, company=account"
        value={renameText}
        onChange={(e) => setRenameText(e.target.value)}
        status={renames.error ? 'error' : undefined}
        data-testid="json-renames"
      />
      {renames.error && <Typography.Text type="danger">{renames.error}</Typography.Text>}
      <div style={{ flex: 1, border: '1px solid #d9d9d9', borderRadius: 6, overflow: 'hidden', minHeight: 300 }} data-testid="json-editor">
        <Suspense fallback={<Spin style={{ margin: 32 }} />}>
          <JsonEditor
            value={text}
            onChange={(v) => {
              setText(v);
              setTouched(v !== pretty);
            }}
          />
        </Suspense>
      </div>
    </div>
  );
}
