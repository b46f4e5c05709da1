import { MoreOutlined } from '@ant-design/icons';
import { useDraggable } from '@dnd-kit/core';
import { Button, Card, Dropdown, Flex } from 'antd';
import type { Entity } from '@tessera/core';
import { fieldOrSystem, type RecordData, getFieldRenderer, useT } from '@tessera/renderer/kit';

interface Props {
  record: RecordData;
  entity: Entity;
  titleField: string;
  cardFields: string[];
  canMove: boolean;
  lane: string | null;
  lanes: Array<{ value: string | null; label: string }>;
  onMove(lane: string | null): void;
  onOpen?(): void;
}

/** One card. Dragging moves it; the ⋯ menu does the same without a mouse (keyboard, touch, tests). */
export function KanbanCard({ record, entity, titleField, cardFields, canMove, lane, lanes, onMove, onOpen }: Props) {
  const { label } = useT();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: record.id, disabled: !canMove });
  const title = fieldOrSystem(entity, titleField);
  const TitleDisplay = getFieldRenderer(title?.type ?? 'text').Display;
  const style = {
    transform: transform ? `translate(${transform.x}px, ${transform.y}px)` : undefined,
    opacity: isDragging ? 0.6 : 1,
    cursor: canMove ? 'grab' : onOpen ? 'pointer' : 'default',
    zIndex: isDragging ? 10 : undefined,
    position: 'relative' as const,
  };
  return (
    <div ref={setNodeRef} style={{ ...style, minWidth: 0 }} {...listeners} {...attributes} data-card-id={record.id}>
      <Card size="small" hoverable onClick={onOpen} styles={{ body: { padding: 10 } }}>
        <Flex justify="space-between" align="start" gap={4}>
          <div style={{ fontWeight: 500, minWidth: 0, flex: 1 }}>
            {title ? <TitleDisplay field={title} value={record[titleField]} record={record} compact /> : record.id}
          </div>
          {canMove && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: lanes.filter((l) => l.value !== lane).map((l) => ({ key: String(l.value), label: l.label })),
                onClick: ({ key, domEvent }) => {
                  domEvent.stopPropagation();
                  onMove(key === 'null' ? null : key);
                },
              }}
            >
              <Button
                type="text"
                size="small"
                icon={<MoreOutlined />}
                aria-label="move"
                onClick={(e) => e.stopPropagation()}
                onPointerDown={(e) => e.stopPropagation()}
              />
            </Dropdown>
          )}
        </Flex>
        {cardFields.map((f) => {
          const field = fieldOrSystem(entity, f);
          if (!field) return null;
          const { Display } = getFieldRenderer(field.type);
          return (
            // Labelled: two money fields (a fee and a balance) must not look alike.
            <div key={f} className="tessera-card-field">
              <span className="tessera-card-label">{label(field.label, f)}</span>
              <Display field={field} value={record[f]} record={record} compact />
            </div>
          );
        })}
      </Card>
    </div>
  );
}
