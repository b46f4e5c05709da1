/** A Label: one string, or one string per app locale once "translate" is switched on. */
import { TranslationOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormContext } from '../form-context';
import type { WidgetProps } from '../widget.types';

export function LabelWidget({ value, onChange, path, label }: WidgetProps) {
  const { t } = useTranslation();
  const { locales } = useFormContext();
  if (value && typeof value === 'object') {
    const map = value as Record<string, string>;
    const keys = [...new Set([...locales, ...Object.keys(map)])];
    return (
      <Space direction="vertical" style={{ width: '100%' }} size={4}>
        {keys.map((loc) => (
          <Input
            key={loc}
            aria-label={`${label ?? ''} ${loc}`}
            addonBefore={loc}
            value={map[loc] ?? ''}
            onChange={(e) => {
              const next = { ...map, [loc]: e.target.value };
              if (!e.target.value) delete next[loc];
              onChange(Object.keys(next).length ? next : undefined, [...path, loc]);
            }}
          />
        ))}
      </Space>
    );
  }
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input aria-label={label} value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value || undefined, path)} />
      <Tooltip title={t('form.translate')}>
        <Button
          aria-label={t('form.translate')}
          icon={<TranslationOutlined />}
          onClick={() => onChange({ [locales[0] ?? 'en']: (value as string) ?? '' }, path)}
        />
      </Tooltip>
    </Space.Compact>
  );
}
