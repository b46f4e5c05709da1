/**
 * A condition the rule rows cannot show (several operators under one `$not`, an empty `$or`…),
 * kept exactly as written and edited as JSON. Text that is not a JSON object is not applied: the
 * condition stays as it was and the error says why.
 */
import { CodeOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Filter, RawRule } from './filter-model';

export function RawRuleInput({ rule, onChange, onRemove }: { rule: RawRule; onChange(r: RawRule): void; onRemove(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(rule.filter));
  const [error, setError] = useState<string | null>(null);
  const edit = (next: string) => {
    setText(next);
    try {
      const parsed: unknown = JSON.parse(next);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(t('source.rawNotObject'));
      setError(null);
      onChange({ kind: 'raw', filter: parsed as Filter });
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <div data-testid="query-raw-rule" style={{ marginBottom: 6 }}>
      <Space.Compact style={{ width: '100%' }}>
        <Tooltip title={t('source.rawHelp')}>
          <Tag icon={<CodeOutlined />} style={{ display: 'flex', alignItems: 'center', marginInlineEnd: 0 }}>
            {t('source.raw')}
          </Tag>
        </Tooltip>
        <Input.TextArea
          aria-label={t('source.raw')}
          autoSize={{ minRows: 1, maxRows: 6 }}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
          status={error ? 'error' : undefined}
          value={text}
          onChange={(e) => edit(e.target.value)}
        />
        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.delete')} />
      </Space.Compact>
      {error && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
