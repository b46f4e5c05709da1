/** Every component type's renderer, keyed by type. Adding a type: a folder plus one line here. */
import { createRegistry } from '@tessera/core';
import { CardComponent } from './card/card.component';
import { ChartComponent } from './chart/chart.component';
import { ColumnComponent } from './column/column.component';
import { defineComponentRenderer, type ComponentRenderer } from './component-renderer';
import { DetailComponent } from './detail/detail.component';
import { FormComponent } from './form/form.component';
import { KanbanComponent } from './kanban/kanban.component';
import { KpiComponent } from './kpi/kpi.component';
import { ListComponent } from './list/list.component';
import { RowComponent } from './row/row.component';
import { TableComponent } from './table/table.component';
import { TabsComponent } from './tabs/tabs.component';
import { TextComponent } from './text/text.component';
import { UnknownComponent } from './unknown/unknown.component';

export const componentRenderers = createRegistry<ComponentRenderer>('component renderer', [
  defineComponentRenderer('table', TableComponent),
  defineComponentRenderer('list', ListComponent),
  defineComponentRenderer('form', FormComponent),
  defineComponentRenderer('detail', DetailComponent),
  defineComponentRenderer('kanban', KanbanComponent),
  defineComponentRenderer('chart', ChartComponent),
  defineComponentRenderer('kpi', KpiComponent),
  defineComponentRenderer('row', RowComponent),
  defineComponentRenderer('column', ColumnComponent),
  defineComponentRenderer('tabs', TabsComponent),
  defineComponentRenderer('card', CardComponent),
  defineComponentRenderer('text', TextComponent),
]);

const unknown = defineComponentRenderer('__unknown__', UnknownComponent);

/** Throws if the type is already registered. */
export const registerComponent = (renderer: ComponentRenderer): void => void componentRenderers.register(renderer);

export const getComponentRenderer = (type: string): ComponentRenderer => componentRenderers.get(type) ?? unknown;
