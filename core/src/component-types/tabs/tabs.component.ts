import { defineComponentType } from '../component-type';
import schema from './tabs.component.schema.json';
import texts from './tabs.texts.json';

export const tabsComponent = defineComponentType({
  type: 'tabs',
  order: 100,
  texts,
  icon: 'FolderOutlined',
  group: 'layout',
  acceptsChildren: true,
  source: 'none',
  schema,
  refs: [],
  check: (c) => {
    const labels = (c.props as { tabs?: unknown[] } | undefined)?.tabs?.length ?? 0;
    const children = c.children?.length ?? 0;
    return labels === children
      ? []
      : [{ path: 'children', message: `tabs has ${labels} labels but ${children} children (one child per tab)` }];
  },
  scaffold: { type: 'tabs', props: { tabs: [{ label: 'Tab 1' }] }, children: [{ type: 'card', props: {}, children: [] }] },
});
