import { HistoryOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Row, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import type { FormProps, Label } from '@tessera/core';
import {
  findField,
  usePermissions,
  useRenderer,
  getFieldRenderer,
  useT,
  type ComponentProps,
  ErrorState,
  LoadingState,
  ProblemState,
  useEntitySource,
} from '@tessera/renderer/kit';
import { AuditDrawer } from '../detail/audit-drawer.render';
import { useFormState } from './use-form-state.render';

/** Creates or edits one record: inputs by field type, validation as you type, server errors on their fields. */
export function FormComponent({ component }: ComponentProps<FormProps>) {
  const { t, label } = useT();
  const { navigate, mode: renderMode } = useRenderer();
  const { message } = App.useApp();
  const props = component.props ?? ({} as FormProps);
  const mode = props.mode ?? 'create';
  const { entity, ready, problem } = useEntitySource(component.source);
  const perms = usePermissions(entity?.id);
  const items = useMemo(() => (props.fields ?? []).filter((f) => !perms.hidden.includes(f.field)), [props.fields, perms.hidden]);
  const fieldIds = useMemo(() => items.map((f) => f.field), [items]);
  const form = useFormState(entity, mode, fieldIds, ready);
  const [auditOpen, setAuditOpen] = useState(false);

  if (problem || !entity) return <ProblemState problem={problem ?? { key: 'app.noSource' }} />;
  if (form.loading) return <LoadingState rows={6} />;
  if (form.loadError) return <ErrorState error={form.loadError} onRetry={form.reload} />;
  const allowed = mode === 'create' ? perms.create : perms.update;

  const onSubmit = async () => {
    const result = await form.submit();
    if (!result.ok) return;
    void message.success(mode === 'create' ? t('form.created') : t('form.saved'));
    if (props.afterSubmit && renderMode === 'live') navigate(props.afterSubmit, { id: result.record.id });
  };

  return (
    <Card
      title={props.title ? label(props.title as Label) : undefined}
      extra={
        props.title && mode === 'edit' && form.record ? (
          <Button icon={<HistoryOutlined />} onClick={() => setAuditOpen(true)}>
            {t('detail.history')}
          </Button>
        ) : undefined
      }
    >
      {mode === 'edit' && form.record && !props.title && (
        <Flex justify="flex-end" style={{ marginTop: -8, marginBottom: 8 }}>
          <Button size="small" type="text" icon={<HistoryOutlined />} onClick={() => setAuditOpen(true)}>
            {t('detail.history')}
          </Button>
        </Flex>
      )}
      {form.conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('form.conflictTitle')}
          description={t('form.conflict')}
          action={
            <Flex vertical gap={8}>
              <Button size="small" type="primary" onClick={() => void form.reload()}>
                {t('common.reload')}
              </Button>
              <Button size="small" onClick={() => void form.keepEditing()}>
                {t('form.keepEditing')}
              </Button>
            </Flex>
          }
        />
      )}
      <Form layout="vertical" onFinish={onSubmit} requiredMark component="form" style={{ maxWidth: 960 }} noValidate>
        <Row gutter={16}>
          {items.map((item) => {
            const field = findField(entity, item.field);
            if (!field) return null;
            const renderer = getFieldRenderer(field.type);
            const error = form.errorOf(field.id);
            const readOnly = perms.readonly.includes(field.id) || (mode === 'edit' && 'readOnly' in field && field.readOnly) || !allowed;
            const Input = renderer.Input;
            const inputId = `${component.id}-${field.id}`;
            return (
              <Col key={field.id} xs={24} md={item.span ?? 24}>
                <Form.Item
                  label={label(item.label ?? field.label, field.id)}
                  htmlFor={inputId}
                  required={'required' in field && !!field.required}
                  validateStatus={error ? 'error' : undefined}
                  help={error ?? field.description}
                  tooltip={readOnly ? t('form.readonly') : undefined}
                >
                  {Input ? (
                    <Input
                      field={field as never}
                      id={inputId}
                      value={form.values[field.id]}
                      onChange={(v) => form.setValue(field.id, v)}
                      disabled={readOnly || form.submitting}
                      status={error ? 'error' : undefined}
                      placeholder={item.placeholder ? label(item.placeholder as Label) : undefined}
                    />
                  ) : (
                    <renderer.Display field={field} value={form.record?.[field.id]} record={form.record} />
                  )}
                </Form.Item>
              </Col>
            );
          })}
        </Row>
        {form.formError && <Alert type="error" showIcon title={form.formError} style={{ marginBottom: 16 }} />}
        <Flex gap={8}>
          <Tooltip title={allowed ? undefined : t('common.noPermission')}>
            <Button type="primary" htmlType="submit" loading={form.submitting} disabled={!allowed || (mode === 'edit' && !form.dirty)}>
              {props.submitLabel ? label(props.submitLabel as Label) : mode === 'create' ? t('form.create') : t('form.save')}
            </Button>
          </Tooltip>
        </Flex>
      </Form>
      {mode === 'edit' && form.record && (
        <AuditDrawer entity={entity} recordId={form.record.id} open={auditOpen} onClose={() => setAuditOpen(false)} />
      )}
    </Card>
  );
}
