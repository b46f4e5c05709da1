import { defineComponentType } from '../component-type';
import schema from './kpi.component.schema.json';
import texts from './kpi.texts.json';

export const kpiComponent = defineComponentType({
  type: 'kpi',
  order: 70,
  texts,
  icon: 'DashboardOutlined',
  group: 'chart',
  acceptsChildren: false,
  source: 'required',
  schema,
  refs: [{ path: 'metric.field', kind: 'field', accepts: 'measure' }],
  scaffold: { type: 'kpi', props: { title: 'Total', metric: { op: 'count' } }, source: { kind: 'entity', entity: '' } },
});
