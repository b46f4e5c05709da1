/**
 * Edits an `{ $expr }` in a modal: the Monaco editor, the fields it can use, and the result on
 * a sample record, evaluated by core's evaluator with the server's limits and result shape.
 */
import { evaluate } from '@tessera/core/expressions';
import { Alert, Col, Input, Modal, Row, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import { labelText, type Draft } from '../store/draft.types';
import type { CompletionFields } from './jsonata.language';
import { sampleRecord } from './sample-record';

const ExpressionEditor = lazy(() => import('./expression.editor'));

export function completionFields(def: Draft | null, entityId?: string): CompletionFields {
  const entity = def?.entities?.find((e) => e.id === entityId);
  const describe = (fs: Draft['entities'][number]['fields']) =>
    fs.map((f) => ({ id: f.id, type: f.type, label: labelText(f.label, 'en', f.id) }));
  const related: CompletionFields['related'] = {};
  for (const f of entity?.fields ?? []) {
    const target = f.type === 'relation' ? def?.entities?.find((e) => e.id === f.to) : undefined;
    if (target) related[f.id] = describe(target.fields);
  }
  return { fields: describe(entity?.fields ?? []), related };
}

export interface ExpressionModalProps {
  open: boolean;
  initial: string;
  entityId?: string;
  onApply(expr: string): void;
  onClose(): void;
}

export function ExpressionModal({ open, initial, entityId, onApply, onClose }: ExpressionModalProps) {
  const { t } = useTranslation();
  // Only while open: closed, it must not re-render on every edit of the draft.
  const def = useBuilder((s) => (open ? s.definition : null));
  const [text, setText] = useState(initial);
  const [sample, setSample] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string }>({ ok: true, text: '' });
  const fields = useMemo(() => completionFields(def, entityId), [def, entityId]);

  useEffect(() => {
    if (!open) return;
    setText(initial);
    setSample(JSON.stringify(sampleRecord(def, entityId), null, 2));
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      if (!text.trim()) return setResult({ ok: true, text: '' });
      try {
        const value = await evaluate(text, { input: JSON.parse(sample || '{}') });
        if (!cancelled) setResult({ ok: true, text: JSON.stringify(value, null, 2) });
      } catch (err) {
        if (!cancelled) setResult({ ok: false, text: (err as Error).message });
      }
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, sample]);

  return (
    <Modal
      open={open}
      width={900}
      title={t('expr.title')}
      okText={t('expr.apply')}
      cancelText={t('expr.cancel')}
      onOk={() => onApply(text)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Row gutter={16}>
        <Col span={15}>
          <div style={{ border: '1px solid #d9d9d9', borderRadius: 6, overflow: 'hidden' }} data-testid="expression-editor">
            <Suspense fallback={<Spin style={{ margin: 24 }} />}>
              <ExpressionEditor value={text} onChange={setText} fields={fields} />
            </Suspense>
          </div>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('expr.result')}
          </Typography.Title>
          {result.ok ? (
            <pre
              data-testid="expression-result"
              style={{ background: '#f6ffed', border: '1px solid #b7eb8f', padding: 8, borderRadius: 6, maxHeight: 160, overflow: 'auto' }}
            >
              {result.text || ' '}
            </pre>
          ) : (
            <Alert type="error" showIcon message={t('expr.error')} description={result.text} />
          )}
        </Col>
        <Col span={9}>
          <Typography.Text strong>{t('expr.fields')}</Typography.Text>
          <div style={{ margin: '6px 0 12px', display: 'flex', flexWrap: 'wrap', gap: 4 }}>
            {fields.fields.map((f) => (
              <Tag
                key={f.id}
                style={{ cursor: 'pointer' }}
                onClick={() => setText((x) => `${x}${x && !x.endsWith(' ') ? ' ' : ''}${f.id}`)}
              >
                {f.id}
              </Tag>
            ))}
          </div>
          <Typography.Text strong>{t('expr.sample')}</Typography.Text>
          <Input.TextArea
            value={sample}
            onChange={(e) => setSample(e.target.value)}
            autoSize={{ minRows: 8, maxRows: 16 }}
            style={{ fontFamily: 'monospace', fontSize: 12, marginTop: 6 }}
          />
        </Col>
      </Row>
    </Modal>
  );
}
