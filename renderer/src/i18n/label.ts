import type { Label } from '@tessera/core';

/** A definition label in the current locale: exact, then same language, then en, then any. */
export function resolveLabel(label: Label | undefined | null, locale: string, fallback = ''): string {
  if (label === undefined || label === null) return fallback;
  if (typeof label === 'string') return label;
  const lang = locale.split('-')[0];
  const sameLang = Object.keys(label).find((k) => k.split('-')[0] === lang);
  return label[locale] ?? (sameLang ? label[sameLang] : undefined) ?? label.en ?? Object.values(label)[0] ?? fallback;
}
