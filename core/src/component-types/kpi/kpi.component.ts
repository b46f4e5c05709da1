import { defineComponentType } from '../component-type';
import schema from './kpi.component.schema.json';

export const kpiComponent = defineComponentType({
  type: 'kpi', order: 70, title: 'KPI', description: 'One big number (count, sum, average…) with an optional target.', icon: 'DashboardOutlined', group: 'chart',
  acceptsChildren: false, source: 'required', schema,
  refs: [{ path: 'metric.field', kind: 'field' }],
  scaffold: { type: 'kpi', props: { title: 'Total', metric: { op: 'count' } }, source: { kind: 'entity', entity: '' } },
});
