/** The palette group names of each type kind, per locale (each kind's `<kind>-groups.texts.json`). */
import componentGroups from '../component-types/component-groups.texts.json';
import fieldGroups from '../field-types/field-groups.texts.json';
import nodeGroups from '../node-types/node-groups.texts.json';
import triggerGroups from '../trigger-types/trigger-groups.texts.json';
import type { GroupTexts } from './type-texts';

export const groupTexts: Record<'field' | 'component' | 'node' | 'trigger', GroupTexts> = {
  field: fieldGroups,
  component: componentGroups,
  node: nodeGroups,
  trigger: triggerGroups,
};
