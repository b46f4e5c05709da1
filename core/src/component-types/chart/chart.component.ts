import { defineComponentType } from '../component-type';
import schema from './chart.component.schema.json';
import texts from './chart.texts.json';

export const chartComponent = defineComponentType({
  type: 'chart',
  order: 60,
  texts,
  icon: 'BarChartOutlined',
  group: 'chart',
  acceptsChildren: false,
  source: 'required',
  schema,
  refs: [
    { path: 'x', kind: 'field', accepts: 'stored' },
    { path: 'y', kind: 'field', accepts: 'stored' },
    { path: 'series', kind: 'field', accepts: 'stored' },
    { path: 'metric.field', kind: 'field', accepts: 'measure' },
  ],
  scaffold: { type: 'chart', props: { chartType: 'bar', x: '', metric: { op: 'count' } }, source: { kind: 'entity', entity: '' } },
});
