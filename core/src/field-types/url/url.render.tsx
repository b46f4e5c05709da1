import { Input, Typography } from 'antd';
import type { UrlField } from '@tessera/core';
import { defineFieldRenderer, EmptyValue, isEmpty } from '@tessera/renderer/kit';

/** Only http(s) values become links: a stored `javascript:` URL must never be clickable. */
const safeHref = (v: string): string | undefined => (/^https?:\/\//i.test(v) ? v : undefined);

export const urlField = defineFieldRenderer<UrlField>({
  type: 'url',
  Input: ({ value, onChange, disabled, placeholder, status, id }) => (
    <Input
      id={id}
      type="url"
      inputMode="url"
      value={(value as string) ?? ''}
      onChange={(e) => onChange(e.target.value)}
      disabled={disabled}
      placeholder={placeholder ?? 'https://'}
      status={status}
    />
  ),
  Display: ({ value, compact }) => {
    if (isEmpty(value)) return <EmptyValue />;
    const href = safeHref(String(value));
    const text = String(value).replace(/^https?:\/\//i, '');
    return href ? (
      <Typography.Link href={href} target="_blank" rel="noopener noreferrer" ellipsis={compact} onClick={(e) => e.stopPropagation()}>
        {text}
      </Typography.Link>
    ) : (
      <Typography.Text>{String(value)}</Typography.Text>
    );
  },
  text: (_f, v) => (isEmpty(v) ? '' : String(v)),
});
