/**
 * A field's settings, generated from its type's JSON Schema (`fieldTypes.get(type).schema`).
 * Changing the type keeps id, label and description and takes the rest from the new scaffold.
 * The id is renamed on its own (references follow), not typed into the form.
 */
import { Alert, Empty, Form, Select, Space, Typography } from 'antd';
import { fieldTypes, standaloneSchema } from '@tessera/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RenameInput, withoutId } from '../forms/rename.input';
import { SchemaForm } from '../forms/schema-form';
import { useAppFormContext } from '../shared/app-form-context';
import { typeTitle } from '../i18n/type-texts';
import { TypeIcon } from '../shared/icon';
import { useBuilder } from '../store/builder.store';
import type { DraftField } from '../store/draft.types';
import { fieldKey } from '../store/issue-mapping';

export function FieldSettingsPanel({ entityId, fieldId }: { entityId: string; fieldId?: string }) {
  const { t } = useTranslation();
  const fields = useBuilder((s) => s.definition?.entities.find((e) => e.id === entityId)?.fields);
  const field = fields?.find((f) => f.id === fieldId);
  const issues = useBuilder((s) => (fieldId ? s.issues.byField.get(fieldKey(entityId, fieldId)) : undefined));
  const dispatch = useBuilder((s) => s.dispatch);
  const descriptor = field ? fieldTypes.get(field.type) : undefined;
  // The type's declared refs (relation `to`, rollup `entity`/`via`…); field refs are about the
  // entity the settings name (a rollup's `entity`), else the field's own.
  const ctx = useAppFormContext(descriptor?.refs, typeof field?.entity === 'string' && field.entity ? field.entity : entityId);
  const schema = useMemo(() => (descriptor ? withoutId(standaloneSchema(descriptor.schema)) : undefined), [descriptor]);
  if (!field || !fieldId) return <Empty style={{ marginTop: 48 }} description={t('data.selectField')} />;

  const changeType = (type: string) => {
    const scaffold = structuredClone(fieldTypes.get(type)!.scaffold) as Record<string, unknown>;
    const keep = {
      id: field.id,
      ...(field.label ? { label: field.label } : {}),
      ...(field.description ? { description: field.description } : {}),
    };
    dispatch('setField', { entityId, fieldId, field: { ...scaffold, ...keep, type } as DraftField });
  };
  return (
    <div data-testid="field-settings">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('data.fieldSettings')}
      </Typography.Title>
      {issues?.map((i) => (
        <Alert key={i.pointer + i.message} type="error" showIcon message={i.message} style={{ marginBottom: 8 }} />
      ))}
      <Form layout="vertical" size="small" component="div">
        <Form.Item label={t('data.type')}>
          <Select
            aria-label={t('data.type')}
            value={field.type}
            onChange={changeType}
            options={fieldTypes.list().map((d) => ({
              value: d.type,
              label: (
                <Space>
                  <TypeIcon name={d.icon} />
                  {typeTitle(t, 'field', d)}
                </Space>
              ),
            }))}
          />
        </Form.Item>
      </Form>
      <RenameInput
        value={field.id}
        taken={(fields ?? []).map((f) => f.id)}
        onRename={(id) => dispatch('renameField', { entityId, fieldId, id })}
        warning={t('rename.storedData')}
      />
      {schema && (
        <SchemaForm
          schema={schema}
          value={field}
          context={ctx}
          onChange={(value, path) =>
            dispatch(
              'setField',
              { entityId, fieldId, field: value as DraftField },
              { coalesce: `field:${entityId}.${fieldId}.${path.join('.')}` },
            )
          }
        />
      )}
    </div>
  );
}
