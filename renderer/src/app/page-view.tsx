import { Flex, Typography } from 'antd';
import type { Label, Page } from '@tessera/core';
import { ComponentView } from '../components/component-view';
import { useT } from '../i18n/i18n.provider';

/** One page: its title and its components stacked. Route params come from the RendererProvider. */
export function PageView({ page, showTitle = true }: { page: Page; showTitle?: boolean }) {
  const { label } = useT();
  return (
    <Flex vertical gap={16} style={{ minWidth: 0 }}>
      {showTitle && (
        <Typography.Title level={3} style={{ margin: 0 }}>
          {label(page.title as Label, page.id)}
        </Typography.Title>
      )}
      {(page.components ?? []).map((c) => (
        <ComponentView key={c.id} component={c} />
      ))}
    </Flex>
  );
}
