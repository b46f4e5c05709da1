import type { ColumnProps } from '@tessera/core';
import { type ComponentProps, ComponentChildren } from '@tessera/renderer/kit';

/** Children stacked vertically; its width (span) is applied by the enclosing row. */
export function ColumnComponent({ component }: ComponentProps<ColumnProps>) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}>
      <ComponentChildren children={component.children} />
    </div>
  );
}
