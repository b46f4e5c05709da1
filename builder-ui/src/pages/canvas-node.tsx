/**
 * One component on the canvas: selectable, draggable by its header, a drop target (insert
 * before), with a red badge and the message when the validator reports it broken. Containers
 * lay out their children (side by side for a row) and accept drops inside.
 */
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { ExclamationCircleFilled, HolderOutlined } from '@ant-design/icons';
import { componentTypes } from '@tessera/schemas';
import { Badge, Space } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { TypeIcon } from '../shared/icon';
import { useBuilder } from '../store/builder.store';
import type { DraftComponent } from '../store/draft.types';
import type { MappedIssue } from '../store/issue-mapping';
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

type DragHandle = Pick<ReturnType<typeof useDraggable>, 'listeners' | 'attributes'>;

/** The strip on top of a component: drag handle, type, id, error count. Memoized (see CanvasNode). */
const NodeHeader = memo(function NodeHeader({ component, selected, issues, listeners, attributes }: { component: DraftComponent; selected: boolean; issues?: MappedIssue[] } & DragHandle) {
  const descriptor = componentTypes.get(component.type);
  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 6, padding: '2px 8px', borderBottom: '1px solid #f0f0f0', background: selected ? '#e6f4ff' : '#fafafa', borderRadius: '8px 8px 0 0' }}>
        <span {...listeners} {...attributes} style={{ cursor: 'grab', color: '#8c8c8c' }} aria-label={`drag ${component.id}`}>
          <HolderOutlined />
        </span>
        <TypeIcon name={descriptor?.icon} style={{ color: '#8c8c8c' }} />
        {/* A plain span (not Typography): a big page has hundreds of these headers. */}
        <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{descriptor?.title ?? component.type} · {component.id}</span>
        {issues && <Badge count={issues.length} title={issues.map((i) => i.message).join('\n')} />}
      </div>
      {issues && (
        <div role="alert" data-testid={`error-${component.id}`} style={{ padding: '4px 8px', background: '#fff2f0', color: '#cf1322', fontSize: 12 }}>
          <Space size={4} align="start"><ExclamationCircleFilled />{issues[0].message}{issues.length > 1 ? ` (+${issues.length - 1})` : ''}</Space>
        </div>
      )}
    </>
  );
});

/** A container's children (side by side for a row) with a drop zone after them, or a leaf's preview. */
const NodeBody = memo(function NodeBody({ component, pageId }: { component: DraftComponent; pageId: string }) {
  const descriptor = componentTypes.get(component.type);
  const children = component.children ?? [];
  const row = DIRECTION[component.type] === 'row';
  return (
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
  );
});

/**
 * Memoized, and so are its header and body: an edit replaces only the components on the path to
 * the changed one (the tree is shared structurally), and a drag (which re-renders every
 * draggable and droppable through dnd-kit's context) re-renders only this outer box, so the rest
 * of a big page is not re-rendered.
 */
export const CanvasNode = memo(function CanvasNode({ component, parentId, index, pageId }: { component: DraftComponent; parentId: string | null; index: number; pageId: string }) {
  const selected = useBuilder((s) => s.selection?.kind === 'page' && s.selection.componentId === component.id);
  const select = useBuilder((s) => s.select);
  const issues = useBuilder((s) => s.issues.byComponent.get(component.id));
  const data: DropData = { parentId, index };
  const drag = useDraggable({ id: component.id, data });
  const drop = useDroppable({ id: `before:${component.id}`, data });
  const border = issues ? '#ff4d4f' : selected ? '#1677ff' : '#e8e8e8';
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
        boxShadow: drop.isOver && !drag.isDragging ? `${row ? '-4px 0' : '0 -4px'} 0 0 #1677ff` : undefined, minWidth: 0,
      }}
    >
      <NodeHeader component={component} selected={selected} issues={issues} listeners={drag.listeners} attributes={drag.attributes} />
      <NodeBody component={component} pageId={pageId} />
    </div>
  );
});
