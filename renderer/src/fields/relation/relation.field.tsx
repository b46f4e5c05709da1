import type { RelationField } from '@tessera/core';
import { defineFieldRenderer } from '../field-renderer';
import { RelationDisplay } from './relation-display';
import { RelationPicker } from './relation-picker';

export const relationField = defineFieldRenderer<RelationField>({
  type: 'relation',
  filterKind: 'relation',
  Input: RelationPicker,
  Display: RelationDisplay,
  sample: (field, { pick, rng }) => {
    if (field.many) return [pick(field.to), pick(field.to)].filter((v, i, a): v is string => !!v && a.indexOf(v) === i);
    // Optional relations are sometimes empty, as in real data.
    return field.required || rng() < 0.85 ? pick(field.to) : undefined;
  },
  text: (_f, v) => (Array.isArray(v) ? v.join(';') : v == null ? '' : String(v)),
});
