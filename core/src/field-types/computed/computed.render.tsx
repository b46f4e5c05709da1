import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { computeError, type ComputedField, type Field } from '@tessera/core';
import { defineFieldRenderer, type FieldDisplayProps, getFieldRenderer, useT } from '@tessera/renderer/kit';

/** A formula that could not be worked out for this record: said as such (the reason on hover), never shown as empty. */
function ComputeFailed({ reason }: { reason: string }) {
  const { t } = useT();
  return (
    <Tooltip title={t('field.computed.failedHint', { reason })}>
      <Typography.Text type="warning" data-testid="computed-failed">
        <ExclamationCircleOutlined /> {t('field.computed.failed')}
      </Typography.Text>
    </Tooltip>
  );
}

/** Shown like a field of its resultType (a number formula reads as a number). */
function ComputedDisplay({ field, ...rest }: FieldDisplayProps<ComputedField>) {
  const reason = computeError(rest.record, field.id);
  if (reason !== undefined) return <ComputeFailed reason={reason} />;
  const asType = { id: field.id, type: field.resultType ?? 'text' } as Field;
  const { Display } = getFieldRenderer(asType.type);
  return <Display field={asType} {...rest} />;
}

export const computedField = defineFieldRenderer<ComputedField>({
  type: 'computed',
  Display: ComputedDisplay,
  text: (_f, v) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)),
});
