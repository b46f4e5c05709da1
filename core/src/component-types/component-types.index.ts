/** Every component type folder, in palette order. Adding a type: a folder plus one line here. */
import { createRegistry } from '../registry/registry';
import { cardComponent } from './card/card.component';
import { chartComponent } from './chart/chart.component';
import { columnComponent } from './column/column.component';
import type { ComponentTypeDescriptor } from './component-type';
import { detailComponent } from './detail/detail.component';
import { formComponent } from './form/form.component';
import { kanbanComponent } from './kanban/kanban.component';
import { kpiComponent } from './kpi/kpi.component';
import { listComponent } from './list/list.component';
import { rowComponent } from './row/row.component';
import { tableComponent } from './table/table.component';
import { tabsComponent } from './tabs/tabs.component';
import { textComponent } from './text/text.component';

export const componentTypes = createRegistry<ComponentTypeDescriptor>('component type', [
  tableComponent, listComponent, formComponent, detailComponent, kanbanComponent, chartComponent, kpiComponent,
  rowComponent, columnComponent, tabsComponent, cardComponent, textComponent,
]);
