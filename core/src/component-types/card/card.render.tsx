import { Card } from 'antd';
import type { CardProps, Label } from '@tessera/core';
import { useT, type ComponentProps, ComponentChildren } from '@tessera/renderer/kit';

export function CardComponent({ component }: ComponentProps<CardProps>) {
  const { label } = useT();
  const { title, bordered = true } = component.props ?? {};
  return (
    <Card
      title={title ? label(title as Label) : undefined}
      variant={bordered ? 'outlined' : 'borderless'}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 16 } }}
    >
      <ComponentChildren children={component.children} />
    </Card>
  );
}
