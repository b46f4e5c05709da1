import type { MultienumField } from '../../generated/app-definition';
import { defineFieldType } from '../field-type';
import { listCell } from '../csv-cells';
import { checkOptions } from '../enum/options.check';
import ownSchema from './multienum.field.schema.json';
import texts from './multienum.texts.json';

export const multienumField = defineFieldType<MultienumField>({
  type: 'multienum',
  order: 120,
  texts,
  icon: 'TagsOutlined',
  group: 'choice',
  ownSchema,
  storageKind: 'array',
  stored: true,
  searchable: 'allowed',
  scaffold: {
    type: 'multienum',
    label: 'Interests',
    options: [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
    ],
  },
  valueSchema: (f) => ({
    type: 'array',
    uniqueItems: true,
    maxItems: f.maxItems ?? f.options.length,
    items: { type: 'string', enum: f.options.map((o) => o.value) },
  }),
  operators: ['$eq', '$in', '$nin', '$exists'],
  filterKind: 'options',
  csv: { parse: listCell },
  check: checkOptions,
  sample: (field, { rng }) => {
    const max = Math.min(field.maxItems ?? 3, 3, field.options.length);
    return field.options
      .filter(() => rng() < 0.35)
      .slice(0, max)
      .map((o) => o.value);
  },
});
