/**
 * Names a computed column once its expression is written: the name is proposed from the
 * expression (field labels instead of ids) until the consultant types one, and the result type
 * comes from the computed field type's schema.
 */
import { FunctionOutlined } from '@ant-design/icons';
import { fieldTypes } from '@tessera/core';
import { Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelFromExpression } from '../store/commands/computed-column.commands';
import { labelText, type DraftEntity } from '../store/draft.types';

export interface ComputedColumnChoice {
  label: string;
  resultType: string;
}

const resultTypes = (): string[] => (fieldTypes.get('computed')?.schema.properties?.resultType?.enum as string[] | undefined) ?? ['text'];

export function ComputedColumnModal({
  expression,
  entity,
  onEdit,
  onCancel,
  onAdd,
}: {
  /** The expression to name; the modal is open while it is set. */
  expression: string | null;
  entity: DraftEntity | undefined;
  onEdit(): void;
  onCancel(): void;
  onAdd(choice: ComputedColumnChoice): void;
}) {
  const { t, i18n } = useTranslation();
  const [label, setLabel] = useState('');
  const [resultType, setResultType] = useState('text');
  useEffect(() => setLabel(''), [expression]);
  const proposed = expression ? labelFromExpression(expression, entity, i18n.language) : '';
  const add = () => onAdd({ label: label.trim() || proposed, resultType });
  return (
    <Modal open={expression !== null} title={t('computed.title')} okText={t('computed.add')} onOk={add} onCancel={onCancel} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Form.Item label={t('computed.expression')}>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              readOnly
              prefix={<FunctionOutlined />}
              value={expression ?? ''}
              style={{ fontFamily: 'monospace' }}
              aria-label={t('computed.expression')}
            />
            <Button onClick={onEdit}>{t('computed.edit')}</Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          label={t('computed.name')}
          extra={t('computed.nameHelp', { entity: labelText(entity?.label, i18n.language, entity?.id ?? '') })}
        >
          <Input
            autoFocus
            aria-label={t('computed.name')}
            placeholder={proposed}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            onPressEnter={add}
          />
        </Form.Item>
        <Form.Item label={t('computed.resultType')}>
          <Select
            aria-label={t('computed.resultType')}
            value={resultType}
            onChange={setResultType}
            options={resultTypes().map((v) => ({ value: v, label: v }))}
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('computed.hint')}</Typography.Text>
    </Modal>
  );
}
