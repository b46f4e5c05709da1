import { Typography } from 'antd';
import type { JsonField } from '@tessera/core';
import { defineFieldRenderer, EmptyValue, isEmpty } from '@tessera/renderer/kit';
import { JsonInput } from './json-input.render';

const isFlat = (v: unknown): v is Record<string, string | number | boolean | null> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => x === null || typeof x !== 'object');

/** A flat object (an address) reads as "key: value" lines; anything else as formatted JSON. */
function JsonDisplay({ value, compact }: { value: unknown; compact?: boolean }) {
  if (isEmpty(value)) return <EmptyValue />;
  if (compact)
    return (
      <Typography.Text ellipsis={{ tooltip: JSON.stringify(value) }} code>
        {JSON.stringify(value)}
      </Typography.Text>
    );
  if (isFlat(value)) {
    return (
      <div>
        {Object.entries(value).map(([k, v]) => (
          <div key={k}>
            <Typography.Text type="secondary">{k}: </Typography.Text>
            {String(v ?? '')}
          </div>
        ))}
      </div>
    );
  }
  return <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>{JSON.stringify(value, null, 2)}</pre>;
}

export const jsonField = defineFieldRenderer<JsonField>({
  type: 'json',
  Input: JsonInput,
  Display: JsonDisplay,
  text: (_f, v) => (v === undefined || v === null ? '' : JSON.stringify(v)),
});
