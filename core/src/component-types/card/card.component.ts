import { defineComponentType } from '../component-type';
import schema from './card.component.schema.json';
import texts from './card.texts.json';

export const cardComponent = defineComponentType({
  type: 'card',
  order: 110,
  texts,
  icon: 'CreditCardOutlined',
  group: 'layout',
  acceptsChildren: true,
  source: 'optional',
  schema,
  refs: [],
  scaffold: { type: 'card', props: { title: 'Card' }, children: [] },
});
