import type { RelationField } from '@tessera/core';
import { defineFieldRenderer } from '../field-renderer';
import { RelationDisplay } from './relation-display';
import { RelationPicker } from './relation-picker';

export const relationField = defineFieldRenderer<RelationField>({
  type: 'relation',
  Input: RelationPicker,
  Display: RelationDisplay,
  text: (_f, v) => (Array.isArray(v) ? v.join(';') : v == null ? '' : String(v)),
});
