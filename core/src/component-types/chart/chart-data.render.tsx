/** Aggregate rows -> category labels and series, in a stable, meaningful order. */
import type { Entity, Field } from '@tessera/core';
import { findField, resolveLabel, type Bucket, dateFormat } from '@tessera/renderer/kit';

export interface ChartSeries {
  name: string;
  color?: string;
  values: Array<number | null>;
}

export interface ChartData {
  categories: string[];
  colors: Array<string | undefined>;
  series: ChartSeries[];
  /** heatmap: [xIndex, yIndex, value] */
  cells?: Array<[number, number, number]>;
  yCategories?: string[];
}

function keyLabel(
  field: Field | undefined,
  value: unknown,
  locale: string,
  bucket?: Bucket,
): { label: string; color?: string; order: number | string } {
  if (value === null || value === undefined) return { label: '—', order: '\uffff' };
  if (field && 'options' in field) {
    const i = field.options.findIndex((o) => o.value === value);
    const o = field.options[i];
    return {
      label: o ? resolveLabel(o.label, locale, o.value) : String(value),
      color: o?.color && o.color !== 'default' ? o.color : undefined,
      order: i < 0 ? 999 : i,
    };
  }
  if (field && (field.type === 'date' || field.type === 'datetime') && typeof value === 'string') {
    const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
    const opts: Intl.DateTimeFormatOptions =
      bucket === 'year'
        ? { year: 'numeric' }
        : bucket === 'month' || bucket === 'quarter'
          ? { year: 'numeric', month: 'short' }
          : { dateStyle: 'medium' };
    return { label: Number.isNaN(d.getTime()) ? value : dateFormat(locale, { ...opts, timeZone: 'UTC' }).format(d), order: value };
  }
  if (typeof value === 'boolean') return { label: value ? '✓' : '✗', order: value ? 0 : 1 };
  return { label: String(value), order: typeof value === 'number' ? value : String(value) };
}

const byOrder = (a: { order: number | string }, b: { order: number | string }) =>
  typeof a.order === 'number' && typeof b.order === 'number' ? a.order - b.order : String(a.order).localeCompare(String(b.order));

export function toChartData(
  rows: Array<Record<string, unknown>>,
  entity: Entity,
  x: string,
  locale: string,
  opts: { y?: string; series?: string; bucket?: Bucket },
): ChartData {
  const xField = findField(entity, x);
  const xKeys = new Map<string, ReturnType<typeof keyLabel>>();
  for (const r of rows) xKeys.set(JSON.stringify(r[x] ?? null), keyLabel(xField, r[x], locale, opts.bucket));
  const xs = [...xKeys.entries()].sort((a, b) => byOrder(a[1], b[1]));
  const xIndex = new Map(xs.map(([k], i) => [k, i]));
  const categories = xs.map(([, v]) => v.label);
  const colors = xs.map(([, v]) => v.color);

  const second = opts.y ?? opts.series;
  if (!second) {
    const values = xs.map(() => null as number | null);
    for (const r of rows) values[xIndex.get(JSON.stringify(r[x] ?? null))!] = (r.value as number) ?? null;
    return { categories, colors, series: [{ name: '', values }] };
  }
  const sField = findField(entity, second);
  const sKeys = new Map<string, ReturnType<typeof keyLabel>>();
  for (const r of rows) sKeys.set(JSON.stringify(r[second] ?? null), keyLabel(sField, r[second], locale));
  const ss = [...sKeys.entries()].sort((a, b) => byOrder(a[1], b[1]));
  const sIndex = new Map(ss.map(([k], i) => [k, i]));
  if (opts.y) {
    const cells = rows.map(
      (r) =>
        [xIndex.get(JSON.stringify(r[x] ?? null))!, sIndex.get(JSON.stringify(r[second] ?? null))!, Number(r.value ?? 0)] as [
          number,
          number,
          number,
        ],
    );
    return { categories, colors, series: [], cells, yCategories: ss.map(([, v]) => v.label) };
  }
  const series = ss.map(([, v]) => ({ name: v.label, color: v.color, values: xs.map(() => null as number | null) }));
  for (const r of rows)
    series[sIndex.get(JSON.stringify(r[second] ?? null))!].values[xIndex.get(JSON.stringify(r[x] ?? null))!] = (r.value as number) ?? null;
  return { categories, colors, series };
}
