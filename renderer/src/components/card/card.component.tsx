import { Card } from 'antd';
import type { CardProps, Label } from '@tessera/core';
import { useT } from '../../i18n/i18n.provider';
import type { ComponentProps } from '../component-renderer';
import { ComponentChildren } from '../component-view';

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
