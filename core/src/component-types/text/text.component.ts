import { defineComponentType } from '../component-type';
import schema from './text.component.schema.json';
import texts from './text.texts.json';

export const textComponent = defineComponentType({
  type: 'text',
  order: 120,
  texts,
  icon: 'FileTextOutlined',
  group: 'content',
  acceptsChildren: false,
  source: 'none',
  schema,
  refs: [],
  scaffold: { type: 'text', props: { content: 'Text' } },
});
