import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A component's heading row (title left, actions right) above its body; nothing when both are empty. */
export function Section({ title, extra, children }: { title?: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section style={{ minWidth: 0 }}>
      {(title || extra) && (
        <Flex align="center" justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
          {title ? (
            <Typography.Title level={5} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
          ) : (
            <span />
          )}
          {extra}
        </Flex>
      )}
      {children}
    </section>
  );
}
