/**
 * One component on the canvas: selectable, draggable by its header, a drop target (insert
 * before), with a red badge and the message when the validator reports it broken. Containers
 * lay out their children (side by side for a row) and accept drops inside.
 */
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { ExclamationCircleFilled, HolderOutlined } from '@ant-design/icons';
import { componentTypes } from '@tessera/schemas';
import { Badge, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TypeIcon } from '../shared/icon';
import { useBuilder } from '../store/builder.store';
import type { DraftComponent } from '../store/draft.types';
import { ComponentPreview } from './component-preview';
import type { DropData } from './drop-target';

/** How containers lay out children; anything not listed stacks vertically. */
const DIRECTION: Record<string, 'row' | 'column'> = { row: 'row' };

export function DropZone({ parentId, index, empty }: { parentId: string | null; index: number; empty?: boolean }) {
  const { t } = useTranslation();
  const data: DropData = { parentId, index };
  const { setNodeRef, isOver } = useDroppable({ id: `into:${parentId ?? 'root'}`, data });
  return (
    <div
      ref={setNodeRef}
      data-testid={`drop-${parentId ?? 'root'}`}
      style={{
        minHeight: empty ? 64 : 24, flex: empty ? 1 : undefined, minWidth: 80, border: `1px dashed ${isOver ? '#1677ff' : '#d9d9d9'}`, borderRadius: 6,
        background: isOver ? '#e6f4ff' : 'transparent', display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#bfbfbf', fontSize: 12,
      }}
    >
      {empty ? t('pages.dropInside') : '+'}
    </div>
  );
}

export function CanvasNode({ component, parentId, index, pageId }: { component: DraftComponent; parentId: string | null; index: number; pageId: string }) {
  const selection = useBuilder((s) => s.selection);
  const select = useBuilder((s) => s.select);
  const issues = useBuilder((s) => s.issues.byComponent.get(component.id));
  const descriptor = componentTypes.get(component.type);
  const data: DropData = { parentId, index };
  const drag = useDraggable({ id: component.id, data });
  const drop = useDroppable({ id: `before:${component.id}`, data });
  const selected = selection?.kind === 'page' && selection.componentId === component.id;
  const border = issues ? '#ff4d4f' : selected ? '#1677ff' : '#e8e8e8';
  const children = component.children ?? [];
  const row = DIRECTION[component.type] === 'row';

  return (
    <div
      ref={(el) => {
        drag.setNodeRef(el);
        drop.setNodeRef(el);
      }}
      data-testid={`canvas-${component.id}`}
      onClick={(e) => {
        e.stopPropagation();
        select({ kind: 'page', pageId, componentId: component.id });
      }}
      style={{
        position: 'relative', border: `${selected || issues ? 2 : 1}px solid ${border}`, borderRadius: 8, background: '#fff', opacity: drag.isDragging ? 0.4 : 1,
        boxShadow: drop.isOver && !drag.isDragging ? `${row ? '-4px 0' : '0 -4px'} 0 0 #1677ff` : undefined, flex: row ? undefined : undefined, minWidth: 0,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 6, padding: '2px 8px', borderBottom: '1px solid #f0f0f0', background: selected ? '#e6f4ff' : '#fafafa', borderRadius: '8px 8px 0 0' }}>
        <span {...drag.listeners} {...drag.attributes} style={{ cursor: 'grab', color: '#8c8c8c' }} aria-label={`drag ${component.id}`}>
          <HolderOutlined />
        </span>
        <TypeIcon name={descriptor?.icon} style={{ color: '#8c8c8c' }} />
        <Typography.Text type="secondary" style={{ fontSize: 12, flex: 1 }}>{descriptor?.title ?? component.type} · {component.id}</Typography.Text>
        {issues && <Badge count={issues.length} title={issues.map((i) => i.message).join('\n')} />}
      </div>
      {issues && (
        <div role="alert" data-testid={`error-${component.id}`} style={{ padding: '4px 8px', background: '#fff2f0', color: '#cf1322', fontSize: 12 }}>
          <Space size={4} align="start"><ExclamationCircleFilled />{issues[0].message}{issues.length > 1 ? ` (+${issues.length - 1})` : ''}</Space>
        </div>
      )}
      <div style={{ padding: 8 }}>
        {descriptor?.acceptsChildren ? (
          <div style={{ display: 'flex', flexDirection: row ? 'row' : 'column', gap: 8, flexWrap: row ? 'wrap' : undefined, alignItems: row ? 'stretch' : undefined }}>
            {children.map((c, i) => (
              <div key={c.id} style={row ? { flex: '1 1 200px', minWidth: 0 } : undefined}>
                <CanvasNode component={c} parentId={component.id} index={i} pageId={pageId} />
              </div>
            ))}
            <DropZone parentId={component.id} index={children.length} empty={children.length === 0} />
          </div>
        ) : (
          <ComponentPreview component={component} />
        )}
      </div>
    </div>
  );
}
