/** Locale-aware formatting with Intl (no extra dependency); invalid values fall back to text. */
export const formatNumber = (v: number, locale: string, opts: Intl.NumberFormatOptions = {}): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2, ...opts }).format(v);

export function formatMoney(v: number, currency: string | undefined, locale: string, compact = false): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency', currency: currency ?? 'USD', maximumFractionDigits: compact ? 1 : Number.isInteger(v) ? 0 : 2, minimumFractionDigits: compact || Number.isInteger(v) ? 0 : 2, ...(compact ? { notation: 'compact' } : {}),
    }).format(v);
  } catch {
    return `${formatNumber(v, locale)} ${currency ?? ''}`.trim();
  }
}

export function currencySymbol(currency: string | undefined, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency ?? 'USD' }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? '';
  } catch {
    return currency ?? '';
  }
}

export function formatDate(v: string, locale: string): string {
  const d = new Date(`${v.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? v : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

export function formatDateTime(v: string, locale: string): string {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
