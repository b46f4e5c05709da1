export type Bucket = 'day' | 'week' | 'month' | 'quarter' | 'year';
export const BUCKETS: Bucket[] = ['day', 'week', 'month', 'quarter', 'year'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The bucket label of a date (`YYYY-MM-DD`) or datetime (ISO 8601), in UTC: day `2026-03-15`,
 * week `2026-W11` (ISO 8601 week, Monday first), month `2026-03`, quarter `2026-Q1`, year `2026`.
 * Labels sort in time order as strings. Anything that is not a date yields null.
 */
export function bucketOf(value: unknown, bucket: Bucket): string | null {
  if (typeof value !== 'string') return null;
  const t = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (bucket) {
    case 'day':
      return `${y}-${pad(m + 1)}-${pad(d.getUTCDate())}`;
    case 'month':
      return `${y}-${pad(m + 1)}`;
    case 'quarter':
      return `${y}-Q${Math.floor(m / 3) + 1}`;
    case 'year':
      return String(y);
    case 'week': {
      // ISO week: the week with the year's first Thursday is week 1.
      const day = (d.getUTCDay() + 6) % 7; // Monday = 0
      const thursday = new Date(Date.UTC(y, m, d.getUTCDate() - day + 3));
      const wy = thursday.getUTCFullYear();
      const week = 1 + Math.floor((thursday.getTime() - Date.UTC(wy, 0, 1)) / (7 * 86_400_000));
      return `${wy}-W${pad(week)}`;
    }
  }
}
