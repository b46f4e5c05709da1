import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { isApiError } from '../data/api-error';
import { useT } from '../i18n/i18n.provider';

type Fields = { currentPassword: string; newPassword: string; confirm: string };

/**
 * Current password, new one twice. The server decides what is acceptable (its rules, its check of
 * the current password); its message is shown at the field it points at, or above the form.
 */
export function ChangePasswordModal({
  open,
  onClose,
  onChange,
  onChanged,
}: {
  open: boolean;
  onClose(): void;
  onChange(currentPassword: string, newPassword: string): Promise<void>;
  onChanged(): void;
}) {
  const { t } = useT();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (values: Fields) => {
    setBusy(true);
    setError(undefined);
    try {
      await onChange(values.currentPassword, values.newPassword);
      form.resetFields();
      onChanged();
    } catch (err) {
      const at = isApiError(err) ? err.errors.find((e) => e.pointer === '/currentPassword' || e.pointer === '/newPassword') : undefined;
      const message = (err as Error).message || t('common.error');
      if (at) form.setFields([{ name: at.pointer.slice(1) as keyof Fields, errors: [message] }]);
      else setError(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('account.changePassword')}
      okText={t('account.changePassword')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        setError(undefined);
        onClose();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} name="change-password">
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('account.required') }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item name="newPassword" label={t('account.newPassword')} rules={[{ required: true, message: t('account.required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('account.required') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {/* Enter in a field submits: the modal's OK button is outside the form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
