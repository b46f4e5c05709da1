/** Locale-aware formatting with Intl (no extra dependency); invalid values fall back to text. */

// Building an Intl formatter costs far more than formatting with one (a table of money cells
// built hundreds), so each locale + options pair is built once. The set of pairs is small
// (locales × currencies × a few styles), so the caches stay small.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f;
}

export function dateFormat(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, opts)));
  return f;
}

export const formatNumber = (v: number, locale: string, opts: Intl.NumberFormatOptions = {}): string =>
  numberFormat(locale, { maximumFractionDigits: 2, ...opts }).format(v);

export function formatMoney(v: number, currency: string | undefined, locale: string, compact = false): string {
  try {
    return numberFormat(locale, {
      style: 'currency',
      currency: currency ?? 'USD',
      maximumFractionDigits: compact ? 1 : Number.isInteger(v) ? 0 : 2,
      minimumFractionDigits: compact || Number.isInteger(v) ? 0 : 2,
      ...(compact ? { notation: 'compact' } : {}),
    }).format(v);
  } catch {
    return `${formatNumber(v, locale)} ${currency ?? ''}`.trim();
  }
}

export function currencySymbol(currency: string | undefined, locale: string): string {
  try {
    return (
      numberFormat(locale, { style: 'currency', currency: currency ?? 'USD' })
        .formatToParts(0)
        .find((p) => p.type === 'currency')?.value ?? ''
    );
  } catch {
    return currency ?? '';
  }
}

export function formatDate(v: string, locale: string): string {
  const d = new Date(`${v.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? v : dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

export function formatDateTime(v: string, locale: string): string {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
