/**
 * An id that other parts of the app refer to. Typing does not rename anything: the new id is
 * applied on Enter, blur or the button, as one rename command whose references follow. A bad or
 * taken id is explained and not applied (Escape restores the current one).
 */
import { Button, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idProblem } from '../store/ids';

export interface RenameInputProps {
  value: string;
  /** Ids already used by siblings (the current one may be included). */
  taken: Iterable<string>;
  onRename(id: string): void;
  label?: string;
  /** Said under the input (e.g. that stored records keep their old keys). */
  warning?: string;
}

export function RenameInput({ value, taken, onRename, label, warning }: RenameInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const problem =
    text === value
      ? null
      : idProblem(
          text,
          [...taken].filter((x) => x !== value),
        );
  const commit = () => {
    if (text !== value && !problem) onRename(text);
  };
  return (
    <Form layout="vertical" size="small" component="div">
      <Form.Item
        label={label ?? 'Id'}
        required
        validateStatus={problem ? 'error' : undefined}
        help={problem ? t(`rename.${problem}`, { id: text }) : undefined}
        extra={warning ? `${t('rename.help')} ${warning}` : t('rename.help')}
        style={{ marginBottom: 12 }}
      >
        <Space.Compact style={{ width: '100%' }}>
          <Input
            aria-label="id"
            value={text}
            onChange={(e) => setText(e.target.value.trim())}
            onBlur={commit}
            onPressEnter={commit}
            onKeyDown={(e) => e.key === 'Escape' && setText(value)}
          />
          <Button disabled={text === value || !!problem} onClick={commit}>
            {t('rename.button')}
          </Button>
        </Space.Compact>
      </Form.Item>
    </Form>
  );
}

/** A schema without `id`: the id is edited by RenameInput, never keystroke by keystroke. */
export function withoutId<S extends { properties?: Record<string, unknown>; required?: string[] }>(schema: S): S {
  const { id: _id, ...properties } = schema.properties ?? {};
  return { ...schema, properties, required: (schema.required ?? []).filter((k) => k !== 'id') };
}
