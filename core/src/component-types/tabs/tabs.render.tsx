import { Tabs } from 'antd';
import type { Label, TabsProps } from '@tessera/core';
import { useT, type ComponentProps, ComponentView } from '@tessera/renderer/kit';

/** One tab per child; a tab's content mounts when first opened (related lists don't all load at once). */
export function TabsComponent({ component }: ComponentProps<TabsProps>) {
  const { label } = useT();
  const tabs = component.props?.tabs ?? [];
  const items = (component.children ?? []).map((child, i) => ({
    key: child.id,
    label: label((tabs[i] as { label?: Label } | undefined)?.label, child.id),
    children: <ComponentView component={child} />,
  }));
  return <Tabs items={items} destroyOnHidden={false} />;
}
