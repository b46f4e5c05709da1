import type { RelationField } from '@tessera/core';
import { defineFieldRenderer } from '@tessera/renderer/kit';
import { RelationDisplay } from './relation-display.render';
import { RelationPicker } from './relation-picker.render';

export const relationField = defineFieldRenderer<RelationField>({
  type: 'relation',
  Input: RelationPicker,
  Display: RelationDisplay,
  text: (_f, v) => (Array.isArray(v) ? v.join(';') : v == null ? '' : String(v)),
});
