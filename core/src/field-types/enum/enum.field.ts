import type { EnumField } from '../../generated/app-definition';
import { defineFieldType, OPERATORS } from '../field-type';
import { checkOptions } from './options.check';
import ownSchema from './enum.field.schema.json';
import texts from './enum.texts.json';

export const enumField = defineFieldType<EnumField>({
  type: 'enum',
  order: 110,
  texts,
  icon: 'UnorderedListOutlined',
  group: 'choice',
  ownSchema,
  storageKind: 'string',
  stored: true,
  scaffold: {
    type: 'enum',
    label: 'Status',
    options: [
      { value: 'new', label: 'New' },
      { value: 'done', label: 'Done' },
    ],
  },
  valueSchema: (f) => ({ type: 'string', enum: f.options.map((o) => o.value) }),
  operators: OPERATORS.options,
  filterKind: 'options',
  // Earlier options are more common (a pipeline has more prospects than wins).
  check: checkOptions,
  sample: (field, { rng }) => field.options[Math.floor(rng() ** 1.3 * field.options.length)]?.value,
});
