/** The signed-in builder's own password: current one, new one twice; the server's refusal is shown at its field. */
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api.client';

type Fields = { currentPassword: string; newPassword: string; confirm: string };

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
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (values: Fields) => {
    setBusy(true);
    setError(undefined);
    try {
      await onChange(values.currentPassword, values.newPassword);
      onChanged();
    } catch (err) {
      // The server decides (its password rules, its check of the current one): show its words where it points.
      const at =
        err instanceof ApiError ? err.errors.find((e) => e.pointer === '/currentPassword' || e.pointer === '/newPassword') : undefined;
      const message = (err as Error).message;
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
        setError(undefined);
        onClose();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} preserve={false} name="change-password">
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
