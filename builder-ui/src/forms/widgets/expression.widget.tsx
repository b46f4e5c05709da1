/**
 * An `{ $expr }` value: a one-line input for quick edits, and a button opening the Monaco
 * expression editor (highlighting, field completion, live result) through the form context.
 */
import { FunctionOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Expr } from '../../store/draft.types';
import { useFormContext } from '../form-context';
import type { WidgetProps } from '../widget.types';

export function ExpressionWidget({ value, onChange, path, label }: WidgetProps) {
  const { t } = useTranslation();
  const ctx = useFormContext();
  const expr = (value as Expr | undefined)?.$expr ?? '';
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        aria-label={label}
        prefix={<FunctionOutlined />}
        style={{ fontFamily: 'monospace' }}
        value={expr}
        onChange={(e) => onChange(e.target.value ? { $expr: e.target.value } : undefined, path)}
      />
      {ctx.openExpression && (
        <Tooltip title={t('form.openExpression')}>
          <Button
            aria-label={t('form.openExpression')}
            onClick={() => ctx.openExpression!(value as Expr | undefined, (v) => onChange(v, path))}
          >
            ƒx
          </Button>
        </Tooltip>
      )}
    </Space.Compact>
  );
}
