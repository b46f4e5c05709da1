/**
 * The texts of field and component types, from each type folder's `<type>.texts.json` and the
 * kinds' group names, as i18next resources (`types.<kind>.<type>.title`, `types.<kind>Group.<group>`):
 * the palette, the field-type menu and the inspector show them in the builder's language, and a
 * new type folder brings its own. English (the descriptor's title) is the fallback.
 */
import { componentTypes, fieldTypes, groupTexts, type TypeTexts } from '@tessera/core';
import type { TFunction } from 'i18next';

type Kind = 'field' | 'component';
const registries = { field: fieldTypes, component: componentTypes } as const;

const ofKind = (list: Array<{ type: string; texts: TypeTexts }>, locale: string) =>
  Object.fromEntries(
    list.flatMap((d) => {
      const text = d.texts[locale];
      return text ? [[d.type, { title: text.title, description: text.description }]] : [];
    }),
  );

/** The `types` resources of one locale. */
export function typeResources(locale: string): Record<string, unknown> {
  const types: Record<string, unknown> = {};
  for (const kind of Object.keys(registries) as Kind[]) {
    types[kind] = ofKind(registries[kind].list(), locale);
    types[`${kind}Group`] = groupTexts[kind][locale] ?? {};
  }
  return { types };
}

interface Typed {
  type: string;
  title: string;
  description: string;
}

export const typeTitle = (t: TFunction, kind: Kind, d: Typed): string => t(`types.${kind}.${d.type}.title`, { defaultValue: d.title });
export const typeDescription = (t: TFunction, kind: Kind, d: Typed): string =>
  t(`types.${kind}.${d.type}.description`, { defaultValue: d.description });
export const groupName = (t: TFunction, kind: Kind, group: string): string => t(`types.${kind}Group.${group}`, { defaultValue: group });
