/**
 * The Pages screen: pages and palette on the left, the canvas in the middle, the selected
 * component's (or the page's) panel on the right. Drops become addComponent / moveComponent.
 */
import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { componentTypes } from '@tessera/core';
import { Card, Empty, Layout } from 'antd';
import { memo, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { typeTitle } from '../i18n/type-texts';
import { TypeIcon } from '../shared/icon';
import { builderStore, useBuilder, type BuilderState } from '../store/builder.store';
import { findComponent } from '../store/component-tree';
import type { DraftComponent, DraftPage } from '../store/draft.types';
import { Canvas } from './canvas';
import { innermost, typeOfPaletteId, type DropData } from './drop-target';
import { PageListPanel } from './page-list.panel';
import { PageSettingsPanel } from './page-settings.panel';
import { PalettePanel } from './palette.panel';
import { PropertyPanel } from './property.panel';

/** The page being designed: the selected one, or the first. */
function currentPageOf(s: BuilderState): DraftPage | undefined {
  const pages = s.definition?.pages ?? [];
  const pageId = s.selection?.kind === 'page' ? s.selection.pageId : pages[0]?.id;
  return pages.find((p) => p.id === pageId);
}
const useCurrentPage = () => useBuilder(currentPageOf);

export function PageDesigner() {
  return (
    <Layout style={{ height: '100%', background: '#fff' }}>
      <DndArea />
      <Layout.Sider width={360} theme="light" style={{ borderLeft: '1px solid #f0f0f0', padding: 16, overflow: 'auto' }}>
        <SidePanel />
      </Layout.Sider>
    </Layout>
  );
}

/**
 * The drag and drop around the palette and the canvas. Memoized without props, and the panels in
 * it subscribe to the store themselves: an edit must not re-render the DndContext (which would
 * re-render every draggable and droppable in view), and the side panel stays outside it (every
 * drag start, target change and drop changes dnd-kit's context, and React looks for consumers
 * through the whole subtree it wraps, a big form included).
 */
const DndArea = memo(function DndArea() {
  const { t } = useTranslation();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const [dragging, setDragging] = useState<string | null>(null);

  // Reads the store at drop time instead of subscribing (see above).
  const currentPage = () => currentPageOf(builderStore.getState());
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
    else if (over.id !== `before:${active.id}`)
      dispatch('moveComponent', { componentId: String(active.id), parentId: target.parentId, index: target.index });
  };
  const draggingPage = dragging ? currentPage() : undefined;
  const draggingType = dragging
    ? (typeOfPaletteId(dragging) ?? (draggingPage && findComponent(draggingPage.components, dragging)?.type))
    : undefined;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={innermost}
      onDragStart={(e: DragStartEvent) => setDragging(String(e.active.id))}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
    >
      <Layout.Sider width={250} theme="light" style={{ borderRight: '1px solid #f0f0f0', overflow: 'auto' }}>
        <PagesAndPalette />
      </Layout.Sider>
      <Layout.Content style={{ overflow: 'auto', background: '#f5f5f5' }}>
        <CanvasArea />
      </Layout.Content>
      <DragOverlay dropAnimation={null}>
        {draggingType && (
          <Card size="small" style={{ width: 180, boxShadow: '0 4px 12px rgba(0,0,0,.15)' }}>
            <TypeIcon name={componentTypes.get(draggingType)?.icon} />{' '}
            {componentTypes.get(draggingType) && typeTitle(t, 'component', componentTypes.get(draggingType)!)}
          </Card>
        )}
      </DragOverlay>
    </DndContext>
  );
});

function PagesAndPalette() {
  const page = useCurrentPage();
  return (
    <>
      <PageListPanel selectedId={page?.id} />
      {page && <PalettePanel />}
    </>
  );
}

function CanvasArea() {
  const { t } = useTranslation();
  const page = useCurrentPage();
  return page ? <Canvas page={page} /> : <Empty style={{ marginTop: 96 }} description={t('pages.noPages')} />;
}

function SidePanel() {
  const page = useCurrentPage();
  const selection = useBuilder((s) => s.selection);
  // Follows a new selection one render later: a drop or a click on the canvas is painted first,
  // then the (bigger) property form of the newly selected component is built. (Only the
  // selection: the page and component it edits stay current, its inputs are controlled.)
  const panelSelection = useDeferredValue(selection);
  const componentId = panelSelection?.kind === 'page' && panelSelection.pageId === page?.id ? panelSelection.componentId : undefined;
  const component = page && componentId ? findComponent(page.components, componentId) : undefined;
  return <SidePanelContent page={component ? undefined : page} component={component} />;
}

/** Memoized: re-rendered when its page or component changes, not on every change of the draft. */
const SidePanelContent = memo(function SidePanelContent({ page, component }: { page?: DraftPage; component?: DraftComponent }) {
  if (component) return <PropertyPanel key={component.id} component={component} />;
  return page ? <PageSettingsPanel page={page} /> : null;
});
