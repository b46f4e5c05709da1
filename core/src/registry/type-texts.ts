/**
 * The texts of one type, from its folder's `<type>.texts.json`: per locale, the title and
 * description the builder shows (palette, field-type menu, inspector) and, under `renderer`, the
 * texts the type's renderer uses (`t('component.kanban.empty')`, `t('field.relation.noAccess')`).
 * English is required: it is the descriptor's `title`/`description` (API docs, reference) and
 * the fallback of every other locale.
 */
export interface TypeText {
  title: string;
  description: string;
  renderer?: Record<string, string>;
}

export type TypeTexts = { en: TypeText } & { [locale: string]: TypeText | undefined };

/** The names of a kind's palette groups per locale (`<kind>-groups.texts.json`): locale -> group -> name. */
export type GroupTexts = { en: Record<string, string> } & { [locale: string]: Record<string, string> | undefined };

/** The title and description of a descriptor from its texts (English). */
export const englishTexts = (texts: TypeTexts): { title: string; description: string } => ({
  title: texts.en.title,
  description: texts.en.description,
});
