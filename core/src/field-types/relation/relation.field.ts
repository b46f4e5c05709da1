import type { RelationField } from '../../generated/app-definition';
import { defineFieldType, OPERATORS } from '../field-type';
import { listCell } from '../csv-cells';
import ownSchema from './relation.field.schema.json';
import texts from './relation.texts.json';

const recordId = { type: 'string', minLength: 1, maxLength: 128 };

export const relationField = defineFieldType<RelationField>({
  type: 'relation',
  order: 130,
  texts,
  icon: 'ShareAltOutlined',
  group: 'relation',
  ownSchema,
  scaffold: { type: 'relation', label: 'Company', to: '' },
  storageKind: 'string',
  storageKindFor: (f) => (f.many ? 'array' : 'string'),
  stored: true,
  valueSchema: (f) => (f.many ? { type: 'array', uniqueItems: true, maxItems: 10000, items: recordId } : recordId),
  operators: OPERATORS.options,
  filterKind: 'relation',
  csv: { parse: (cell, f) => (f.many ? listCell(cell) : cell) },
  refs: [{ path: 'to', kind: 'entity' }],
  owner: true,
  sample: (field, { pick, rng }) => {
    if (field.many) return [pick(field.to), pick(field.to)].filter((v, i, a): v is string => !!v && a.indexOf(v) === i);
    // Optional relations are sometimes empty, as in real data.
    return field.required || rng() < 0.85 ? pick(field.to) : undefined;
  },
});
