/**
 * The renderer texts of each type, from its folder's `<type>.texts.json` (`renderer`), merged
 * under `component.<type>` and `field.<type>`: a type's texts live with the type, not here.
 */
import { componentTypes, fieldTypes, type TypeTexts } from '@tessera/core';

type Texts = Record<string, Record<string, string>>;

const ofKind = (list: Array<{ type: string; texts: TypeTexts }>, locale: string): Texts =>
  Object.fromEntries(
    list.flatMap((d) => {
      const texts = d.texts[locale]?.renderer;
      return texts ? [[d.type, texts]] : [];
    }),
  );

/** Missing ones fall back to English through i18next's fallbackLng. */
export const typeMessages = (locale: string): { component: Texts; field: Texts } => ({
  component: ofKind(componentTypes.list(), locale),
  field: ofKind(fieldTypes.list(), locale),
});
