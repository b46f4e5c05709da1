import type { RelationField } from '../../generated/app-definition';
import { defineFieldType } from '../field-type';
import ownSchema from './relation.field.schema.json';

const recordId = { type: 'string', minLength: 1, maxLength: 128 };

export const relationField = defineFieldType<RelationField>({
  type: 'relation', title: 'Relation', description: 'A link to one record, or many with `many`.', icon: 'ShareAltOutlined',
  group: 'relation', ownSchema, scaffold: { type: 'relation', label: 'Company', to: '' }, storageKind: 'string',
  storageKindFor: (f) => (f.many ? 'array' : 'string'),
  stored: true,
  valueSchema: (f) => (f.many ? { type: 'array', uniqueItems: true, maxItems: 10000, items: recordId } : recordId),
});
