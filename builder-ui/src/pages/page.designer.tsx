/**
 * The Pages screen: pages and palette on the left, the canvas in the middle, the selected
 * component's (or the page's) panel on the right. Drops become addComponent / moveComponent.
 */
import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { componentTypes } from '@tessera/schemas';
import { Card, Empty, Layout } from 'antd';
import { memo, useDeferredValue, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TypeIcon } from '../shared/icon';
import { builderStore, useBuilder } from '../store/builder.store';
import { findComponent } from '../store/component-tree';
import type { DraftComponent, DraftPage } from '../store/draft.types';
import { Canvas } from './canvas';
import { innermost, typeOfPaletteId, type DropData } from './drop-target';
import { PageListPanel } from './page-list.panel';
import { PageSettingsPanel } from './page-settings.panel';
import { PalettePanel } from './palette.panel';
import { PropertyPanel } from './property.panel';

/**
 * The drag and drop around the palette and the canvas (not the side panel: every drag start,
 * target change and drop changes dnd-kit's context, and React looks for its consumers through the
 * whole subtree it wraps, a big form included).
 */
function DndArea({ children }: { children: ReactNode }) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const [dragging, setDragging] = useState<string | null>(null);

  // Reads the store at drop time instead of subscribing: the DndContext, whose context every
  // draggable and droppable on the canvas consumes, must not re-render on each edit.
  const currentPage = () => {
    const { definition, selection } = builderStore.getState();
    const pages = definition?.pages ?? [];
    const pageId = selection?.kind === 'page' ? selection.pageId : pages[0]?.id;
    return pages.find((p) => p.id === pageId);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const page = currentPage();
    if (!over || !page) return;
    const target = over.data.current as DropData | undefined;
    if (!target) return;
    const { dispatch, requestAdd } = builderStore.getState();
    const type = typeOfPaletteId(String(active.id));
    // A data component first asks which entity it shows (BindEntityModal); others are added at once.
    if (type) requestAdd({ pageId: page.id, type, parentId: target.parentId, index: target.index });
    else if (over.id !== `before:${active.id}`) dispatch('moveComponent', { componentId: String(active.id), parentId: target.parentId, index: target.index });
  };
  const draggingPage = dragging ? currentPage() : undefined;
  const draggingType = dragging ? typeOfPaletteId(dragging) ?? (draggingPage && findComponent(draggingPage.components, dragging)?.type) : undefined;

  return (
    <DndContext sensors={sensors} collisionDetection={innermost} onDragStart={(e: DragStartEvent) => setDragging(String(e.active.id))} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
      {children}
      <DragOverlay dropAnimation={null}>
        {draggingType && (
          <Card size="small" style={{ width: 180, boxShadow: '0 4px 12px rgba(0,0,0,.15)' }}>
            <TypeIcon name={componentTypes.get(draggingType)?.icon} /> {componentTypes.get(draggingType)?.title}
          </Card>
        )}
      </DragOverlay>
    </DndContext>
  );
}

export function PageDesigner() {
  const { t } = useTranslation();
  const pages = useBuilder((s) => s.definition?.pages ?? []);
  const selection = useBuilder((s) => s.selection);
  // The side panel follows a new selection one render later: a drop or a click on the canvas is
  // painted first, then the (bigger) property form of the newly selected component is built.
  // (Only the selection: the page and component it edits stay current, its inputs are controlled.)
  const panelSelection = useDeferredValue(selection);
  const pageId = selection?.kind === 'page' ? selection.pageId : pages[0]?.id;
  const page = pages.find((p) => p.id === pageId);
  const componentId = panelSelection?.kind === 'page' && panelSelection.pageId === pageId ? panelSelection.componentId : undefined;
  const component = page && componentId ? findComponent(page.components, componentId) : undefined;
  return (
    <Layout style={{ height: '100%', background: '#fff' }}>
      <DndArea>
        <Layout.Sider width={250} theme="light" style={{ borderRight: '1px solid #f0f0f0', overflow: 'auto' }}>
          <PageListPanel selectedId={page?.id} />
          {page && <PalettePanel />}
        </Layout.Sider>
        <Layout.Content style={{ overflow: 'auto', background: '#f5f5f5' }}>
          {page ? <Canvas page={page} /> : <Empty style={{ marginTop: 96 }} description={t('pages.noPages')} />}
        </Layout.Content>
      </DndArea>
      <Layout.Sider width={360} theme="light" style={{ borderLeft: '1px solid #f0f0f0', padding: 16, overflow: 'auto' }}>
        <SidePanel page={component ? undefined : page} component={component} />
      </Layout.Sider>
    </Layout>
  );
}

/** Memoized: re-rendered when its page or component changes, not on every change of the designer. */
const SidePanel = memo(function SidePanel({ page, component }: { page?: DraftPage; component?: DraftComponent }) {
  if (component) return <PropertyPanel key={component.id} component={component} />;
  return page ? <PageSettingsPanel page={page} /> : null;
});
