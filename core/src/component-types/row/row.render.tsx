import type { RowProps } from '@tessera/core';
import { type ComponentProps, ComponentView } from '@tessera/renderer/kit';

const ALIGN = { start: 'flex-start', center: 'center', end: 'flex-end', stretch: 'stretch' } as const;

/**
 * Children side by side. A `column` child takes span/24 of the width; other children share the
 * rest equally. Below ~640px everything stacks (the row wraps because of min widths).
 */
export function RowComponent({ component }: ComponentProps<RowProps>) {
  const { gap = 16, align = 'stretch', wrap = true } = component.props ?? {};
  return (
    <div style={{ display: 'flex', gap, alignItems: ALIGN[align] ?? 'stretch', flexWrap: wrap ? 'wrap' : 'nowrap' }}>
      {(component.children ?? []).map((child) => {
        const span = child.type === 'column' ? Number((child.props as { span?: number } | undefined)?.span ?? 24) : undefined;
        const basis = span ? `calc(${(span / 24) * 100}% - ${gap}px)` : '0';
        return (
          <div key={child.id} style={{ flex: span ? `1 1 ${basis}` : '1 1 0', minWidth: span && span >= 24 ? '100%' : span ? 280 : 160 }}>
            <ComponentView component={child} />
          </div>
        );
      })}
    </div>
  );
}
