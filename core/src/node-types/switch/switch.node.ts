import { defineNodeType } from '../node-type';
import schema from './switch.node.schema.json';
import texts from './switch.texts.json';

export const switchNode = defineNodeType({
  type: 'switch',
  order: 70,
  texts,
  icon: 'PartitionOutlined',
  group: 'logic',
  schema,
  refs: [],
  scaffold: { type: 'switch', config: { value: { $expr: 'status' }, cases: [{ handle: 'a', equals: 'a' }] } },
  outputs: (config) => [...((config.cases as Array<{ handle: string }> | undefined) ?? []).map((c) => c.handle), 'default'],
});
