/**
 * One component on the canvas: selectable, draggable by its header, a drop target (insert
 * before), with a red badge and the message when the validator reports it broken. Containers
 * lay out their children (side by side for a row) and accept drops inside.
 *
 * Only the nodes in view take part in drag and drop: dnd-kit re-renders every draggable and
 * droppable when a drag starts, moves over a new target or ends, measures every droppable at
 * drag start and gives each one a ResizeObserver while dragging. A big page has ~700 of them; the
 * few dozen in view are enough, since the pointer can only be over those (a drag that scrolls
 * the canvas registers the nodes it brings into view). The hooks live in small binding components
 * that render nothing, so entering or leaving the view never remounts a node's subtree.
 */
import { useDraggable, useDroppable, type UniqueIdentifier } from '@dnd-kit/core';
import { ExclamationCircleFilled, HolderOutlined } from '@ant-design/icons';
import { componentTypes } from '@tessera/core';
import { Badge, Space } from 'antd';
import { memo, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { typeTitle } from '../i18n/type-texts';
import { TypeIcon } from '../shared/icon';
import { useBuilder } from '../store/builder.store';
import type { DraftComponent } from '../store/draft.types';
import type { MappedIssue } from '../store/issue-mapping';
import { ComponentPreview } from './component-preview';
import type { DropData } from './drop-target';
import { useInView } from './in-view';

/**
 * The browser skips style, layout and paint of nodes out of view (and keeps their last size): a
 * big page is thousands of elements, and every edit or drop would otherwise restyle and repaint
 * them all before the change shows.
 */
const OFFSCREEN_SKIPPED: React.CSSProperties = { contentVisibility: 'auto', containIntrinsicSize: 'auto 160px' };

/** How containers lay out children; anything not listed stacks vertically. */
const DIRECTION: Record<string, 'row' | 'column'> = { row: 'row' };

type DragHandle = Pick<ReturnType<typeof useDraggable>, 'listeners' | 'attributes'>;
interface DndState extends Partial<DragHandle> {
  isDragging: boolean;
  isOver: boolean;
}
const IDLE: DndState = { isDragging: false, isOver: false };

/** Registers `el` as a droppable; reports isOver. Renders nothing. */
function DropBinding({
  id,
  data,
  el,
  onChange,
}: {
  id: UniqueIdentifier;
  data: DropData;
  el: RefObject<HTMLElement | null>;
  onChange(s: DndState): void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id, data });
  // A passive effect: the parent's ref is attached by then, even when both mount in one commit.
  useEffect(() => {
    setNodeRef(el.current);
    return () => setNodeRef(null);
  }, [el, setNodeRef]);
  useLayoutEffect(() => onChange(isOver ? { isDragging: false, isOver } : IDLE), [isOver, onChange]);
  useLayoutEffect(() => () => onChange(IDLE), [onChange]);
  return null;
}

/** Registers `el` as draggable (by the handle that receives `listeners`) and as a drop target. Renders nothing. */
function NodeBinding({
  id,
  data,
  el,
  onChange,
}: {
  id: string;
  data: DropData;
  el: RefObject<HTMLElement | null>;
  onChange(s: DndState): void;
}) {
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({ id, data });
  const drop = useDroppable({ id: `before:${id}`, data });
  const setDropRef = drop.setNodeRef;
  useEffect(() => {
    setNodeRef(el.current);
    setDropRef(el.current);
    return () => {
      setNodeRef(null);
      setDropRef(null);
    };
  }, [el, setNodeRef, setDropRef]);
  const { isOver } = drop;
  useLayoutEffect(() => onChange({ listeners, attributes, isDragging, isOver }), [listeners, attributes, isDragging, isOver, onChange]);
  useLayoutEffect(() => () => onChange(IDLE), [onChange]);
  return null;
}

export function DropZone({ parentId, index, empty }: { parentId: string | null; index: number; empty?: boolean }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const [{ isOver }, setDnd] = useState(IDLE);
  const inView = useInView(el);
  return (
    <div
      ref={el}
      data-testid={`drop-${parentId ?? 'root'}`}
      style={{
        minHeight: empty ? 64 : 24,
        flex: empty ? 1 : undefined,
        minWidth: 80,
        border: `1px dashed ${isOver ? '#1677ff' : '#d9d9d9'}`,
        borderRadius: 6,
        background: isOver ? '#e6f4ff' : 'transparent',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        color: '#bfbfbf',
        fontSize: 12,
      }}
    >
      {inView && <DropBinding id={`into:${parentId ?? 'root'}`} data={{ parentId, index }} el={el} onChange={setDnd} />}
      {empty ? t('pages.dropInside') : '+'}
    </div>
  );
}

/** The strip on top of a component: drag handle, type, id, error count. Memoized (see CanvasNode). */
const NodeHeader = memo(function NodeHeader({
  component,
  selected,
  issues,
  listeners,
  attributes,
}: { component: DraftComponent; selected: boolean; issues?: MappedIssue[] } & Partial<DragHandle>) {
  const { t } = useTranslation();
  const descriptor = componentTypes.get(component.type);
  return (
    <>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 6,
          padding: '2px 8px',
          borderBottom: '1px solid #f0f0f0',
          background: selected ? '#e6f4ff' : '#fafafa',
          borderRadius: '8px 8px 0 0',
        }}
      >
        <span {...listeners} {...attributes} style={{ cursor: 'grab', color: '#8c8c8c' }} aria-label={`drag ${component.id}`}>
          <HolderOutlined />
        </span>
        <TypeIcon name={descriptor?.icon} style={{ color: '#8c8c8c' }} />
        {/* A plain span (not Typography): a big page has hundreds of these headers. */}
        <span
          style={{
            color: 'rgba(0,0,0,0.45)',
            fontSize: 12,
            flex: 1,
            minWidth: 0,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          }}
        >
          {descriptor ? typeTitle(t, 'component', descriptor) : component.type} · {component.id}
        </span>
        {issues && <Badge count={issues.length} title={issues.map((i) => i.message).join('\n')} />}
      </div>
      {issues && (
        <div
          role="alert"
          data-testid={`error-${component.id}`}
          style={{ padding: '4px 8px', background: '#fff2f0', color: '#cf1322', fontSize: 12 }}
        >
          <Space size={4} align="start">
            <ExclamationCircleFilled />
            {issues[0].message}
            {issues.length > 1 ? ` (+${issues.length - 1})` : ''}
          </Space>
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
        <div
          style={{
            display: 'flex',
            flexDirection: row ? 'row' : 'column',
            gap: 8,
            flexWrap: row ? 'wrap' : undefined,
            alignItems: row ? 'stretch' : undefined,
          }}
        >
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
 * the changed one (the tree is shared structurally), and a drag re-renders only the bindings of
 * the nodes in view (and this box for the one dragged or pointed at), so the rest of a big page
 * is not re-rendered.
 */
export const CanvasNode = memo(function CanvasNode({
  component,
  parentId,
  index,
  pageId,
}: {
  component: DraftComponent;
  parentId: string | null;
  index: number;
  pageId: string;
}) {
  const selected = useBuilder((s) => s.selection?.kind === 'page' && s.selection.componentId === component.id);
  const select = useBuilder((s) => s.select);
  const issues = useBuilder((s) => s.issues.byComponent.get(component.id));
  const el = useRef<HTMLDivElement>(null);
  const [dnd, setDnd] = useState(IDLE);
  const inView = useInView(el);
  const border = issues ? '#ff4d4f' : selected ? '#1677ff' : '#e8e8e8';
  const row = DIRECTION[component.type] === 'row';
  return (
    <div
      ref={el}
      data-testid={`canvas-${component.id}`}
      onClick={(e) => {
        e.stopPropagation();
        select({ kind: 'page', pageId, componentId: component.id });
      }}
      style={{
        position: 'relative',
        border: `${selected || issues ? 2 : 1}px solid ${border}`,
        borderRadius: 8,
        background: '#fff',
        opacity: dnd.isDragging ? 0.4 : 1,
        boxShadow: dnd.isOver && !dnd.isDragging ? `${row ? '-4px 0' : '0 -4px'} 0 0 #1677ff` : undefined,
        minWidth: 0,
        ...OFFSCREEN_SKIPPED,
      }}
    >
      {/* Kept while dragged, even out of view: dnd-kit needs the active draggable until the drop. */}
      {(inView || dnd.isDragging) && <NodeBinding id={component.id} data={{ parentId, index }} el={el} onChange={setDnd} />}
      <NodeHeader component={component} selected={selected} issues={issues} listeners={dnd.listeners} attributes={dnd.attributes} />
      <NodeBody component={component} pageId={pageId} />
    </div>
  );
});
