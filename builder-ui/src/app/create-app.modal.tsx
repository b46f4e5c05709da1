/** New app: a name and an id (derived from the name, editable), or a JSON file to import. */
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../store/draft.types';

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 63);

export function newDraft(id: string, name: string): Draft {
  return { schemaVersion: 1, id, name, locales: ['en', 'zh-CN'], entities: [], pages: [] };
}

export function CreateAppModal({ open, onCancel, onCreate }: { open: boolean; onCancel(): void; onCreate(draft: Draft): Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; id: string }>();
  const [idEdited, setIdEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={t('apps.createTitle')}
      okText={t('common.create')}
      confirmLoading={busy}
      onCancel={onCancel}
      destroyOnHidden
      onOk={() =>
        form.validateFields().then(async ({ id, name }) => {
          setBusy(true);
          try {
            await onCreate(newDraft(id, name));
            form.resetFields();
            setIdEdited(false);
          } finally {
            setBusy(false);
          }
        })
      }
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="name" label={t('apps.name')} rules={[{ required: true }]}>
          <Input autoFocus placeholder="Retail CRM" onChange={(e) => !idEdited && form.setFieldValue('id', slug(e.target.value))} />
        </Form.Item>
        <Form.Item name="id" label={t('apps.id')} extra={t('apps.idHelp')} rules={[{ required: true, pattern: /^[a-z][a-z0-9-]{1,62}$/ }]}>
          <Input onChange={() => setIdEdited(true)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
