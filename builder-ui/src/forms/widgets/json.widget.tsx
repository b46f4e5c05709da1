/** Anything without a dedicated widget: edited as JSON text, applied when it parses. */
import { Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { WidgetProps } from '../widget.types';

export function JsonWidget({ value, onChange, path, label }: WidgetProps) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current || 'null')) === JSON.stringify(value ?? null)) return current;
      } catch {
        /* keep what is being typed */
      }
      return value === undefined ? '' : JSON.stringify(value, null, 2);
    });
  }, [value]);
  return (
    <>
      <Input.TextArea
        aria-label={label}
        style={{ fontFamily: 'monospace' }}
        autoSize={{ minRows: 2, maxRows: 10 }}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(e.target.value.trim() ? JSON.parse(e.target.value) : undefined, path);
            setError(null);
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </>
  );
}
