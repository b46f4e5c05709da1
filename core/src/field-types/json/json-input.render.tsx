import { Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { JsonField } from '@tessera/core';
import { useT, type FieldInputProps } from '@tessera/renderer/kit';

const pretty = (v: unknown) => (v === undefined || v === null ? '' : JSON.stringify(v, null, 2));

/**
 * JSON typed as text. Only parsable text is passed up (the record validator then checks it
 * against the field's schema); while the text doesn't parse, the last good value stays and an
 * inline message says why.
 */
export function JsonInput({ value, onChange, disabled, status, id }: FieldInputProps<JsonField>) {
  const { t } = useT();
  const [text, setText] = useState(() => pretty(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    // An outside change (reset, reload) replaces the text unless it is what we just parsed.
    setText((current) => {
      try {
        return JSON.stringify(JSON.parse(current || 'null')) === JSON.stringify(value ?? null) ? current : pretty(value);
      } catch {
        return current;
      }
    });
  }, [value]);
  return (
    <>
      <Input.TextArea
        id={id}
        value={text}
        disabled={disabled}
        status={invalid ? 'error' : status}
        autoSize={{ minRows: 3, maxRows: 14 }}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 }}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value.trim()) {
            setInvalid(false);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(e.target.value));
            setInvalid(false);
          } catch {
            setInvalid(true);
          }
        }}
      />
      {invalid && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('form.invalidJson')}
        </Typography.Text>
      )}
    </>
  );
}
