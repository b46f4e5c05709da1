/** Descriptors name @ant-design/icons by string; this resolves the name with a neutral fallback. */
import * as Icons from '@ant-design/icons';
import type { ComponentType } from 'react';

const registry = Icons as unknown as Record<string, ComponentType<{ style?: React.CSSProperties }>>;

export function TypeIcon({ name, style }: { name: string | undefined; style?: React.CSSProperties }) {
  const Icon = (name && registry[name]) || registry.AppstoreOutlined;
  return <Icon style={style} />;
}
