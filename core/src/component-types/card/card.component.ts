import { defineComponentType } from '../component-type';
import schema from './card.component.schema.json';

export const cardComponent = defineComponentType({
  type: 'card', order: 110, title: 'Card', description: 'A titled box around its children.', icon: 'CreditCardOutlined', group: 'layout',
  acceptsChildren: true, source: 'optional', schema,
  refs: [],
  scaffold: { type: 'card', props: { title: 'Card' }, children: [] },
});
