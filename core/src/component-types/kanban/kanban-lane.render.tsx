import { useDroppable } from '@dnd-kit/core';
import { Badge, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '@tessera/renderer/kit';

interface Props {
  id: string;
  title: string;
  color?: string;
  count: number;
  summary?: string;
  children: ReactNode;
}

/** A lane: coloured top border from the option's colour, count and an optional sum in the header. */
export function KanbanLane({ id, title, color, count, summary, children }: Props) {
  const { t } = useT();
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <div
      ref={setNodeRef}
      data-lane={id}
      style={{
        flex: '0 0 272px',
        width: 272,
        minWidth: 0,
        display: 'flex',
        flexDirection: 'column',
        background: isOver ? '#e6f4ff' : '#f5f5f5',
        borderRadius: 8,
        borderTop: `3px solid ${color ?? '#d9d9d9'}`,
        maxHeight: 'calc(100vh - 220px)',
        minHeight: 160,
        transition: 'background 120ms',
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '10px 12px 6px' }} gap={8}>
        <Typography.Text strong ellipsis={{ tooltip: title }} style={{ minWidth: 0 }}>
          {title}
        </Typography.Text>
        <Badge count={count} showZero color="#bfbfbf" overflowCount={999} />
      </Flex>
      {summary && (
        <Typography.Text type="secondary" style={{ padding: '0 12px 6px', fontSize: 12 }}>
          {summary}
        </Typography.Text>
      )}
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8, padding: '4px 8px 10px', overflowY: 'auto', flex: 1 }}>
        {count === 0 ? (
          <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 16, fontSize: 12 }}>
            {t('component.kanban.empty')}
          </Typography.Text>
        ) : (
          children
        )}
      </div>
    </div>
  );
}
