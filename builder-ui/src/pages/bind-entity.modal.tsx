/**
 * Asked when a data component (table, form, list, kanban, detail, chart…) is dropped from the
 * palette: which entity it shows. The entity of its container or page is proposed; nothing is
 * added until the consultant confirms, and cancelling adds nothing.
 */
import { componentTypes } from '@tessera/core';
import { Form, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { typeTitle } from '../i18n/type-texts';
import { useBuilder } from '../store/builder.store';
import { labelText } from '../store/draft.types';

export function BindEntityModal() {
  const { t, i18n } = useTranslation();
  const pending = useBuilder((s) => s.pendingAdd);
  const entities = useBuilder((s) => s.definition?.entities);
  const resolveAdd = useBuilder((s) => s.resolveAdd);
  const [choice, setChoice] = useState<string | undefined>();
  useEffect(() => setChoice(pending?.entityId), [pending]);
  // Mounted on first use (and kept, for the closing animation): most drops need no question.
  const [used, setUsed] = useState(false);
  if (pending && !used) setUsed(true);
  if (!used) return null;
  const descriptor = pending ? componentTypes.get(pending.type) : undefined;
  const type = descriptor ? typeTitle(t, 'component', descriptor) : (pending?.type ?? '');
  const confirm = () => choice && resolveAdd(choice);
  return (
    <Modal
      open={!!pending}
      title={t('bind.title', { type })}
      okText={t('bind.add')}
      okButtonProps={{ disabled: !choice }}
      onOk={confirm}
      onCancel={() => resolveAdd(null)}
      width={420}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('bind.hint')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('source.entity')} required>
          <Select
            autoFocus
            showSearch
            aria-label={t('source.entity')}
            placeholder={t('bind.placeholder')}
            value={choice}
            onChange={setChoice}
            optionFilterProp="label"
            options={(entities ?? []).map((e) => ({ value: e.id, label: labelText(e.label, i18n.language, e.id) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
