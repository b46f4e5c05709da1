/** ECharts options per chart type (a map, so a new chart type is one entry). */
import type { ChartData } from './chart-data.render';

type Options = Record<string, unknown>;
type Format = (v: number) => string;

const axisChart =
  (kind: 'bar' | 'line') =>
  (d: ChartData, fmt: Format): Options => ({
    grid: { left: 8, right: 16, top: d.series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => (v == null ? '—' : fmt(v)) },
    legend: d.series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
    xAxis: { type: 'category', data: d.categories, axisLabel: { hideOverlap: true }, boundaryGap: kind === 'bar' },
    yAxis: { type: 'value', axisLabel: { formatter: fmt } },
    series: d.series.map((s) => ({
      type: kind,
      name: s.name,
      smooth: kind === 'line',
      areaStyle: kind === 'line' && d.series.length === 1 ? { opacity: 0.12 } : undefined,
      barMaxWidth: 48,
      itemStyle: s.color ? { color: s.color } : undefined,
      // One series of an enum x: each bar takes its option's colour.
      data: s.values.map((v, i) =>
        d.series.length === 1 && kind === 'bar' && d.colors[i] ? { value: v, itemStyle: { color: d.colors[i] } } : v,
      ),
    })),
  });

const pieLike =
  (kind: 'pie' | 'funnel') =>
  (d: ChartData, fmt: Format): Options => ({
    tooltip: { trigger: 'item', valueFormatter: fmt },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: kind,
        ...(kind === 'pie'
          ? { radius: ['40%', '68%'], center: ['50%', '45%'] }
          : // A funnel's stages are the categories' order (an enum's options: Lead, Qualified, …, Won), never re-sorted by size.
            { top: 8, bottom: 40, left: '10%', width: '80%', sort: 'none', gap: 2 }),
        // Inside labels never get cut off on a narrow screen.
        label: kind === 'funnel' ? { position: 'inside', formatter: '{b}', color: '#fff', textBorderWidth: 0 } : { formatter: '{b}' },
        data: d.categories.map((name, i) => ({
          name,
          value: d.series[0]?.values[i] ?? 0,
          itemStyle: d.colors[i] ? { color: d.colors[i] } : undefined,
        })),
      },
    ],
  });

const heatmap = (d: ChartData, fmt: Format): Options => {
  const max = Math.max(1, ...(d.cells ?? []).map((c) => c[2]));
  return {
    tooltip: { position: 'top', valueFormatter: fmt },
    grid: { left: 8, right: 16, top: 8, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: d.categories, splitArea: { show: true } },
    yAxis: { type: 'category', data: d.yCategories ?? [], splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 },
    series: [
      {
        type: 'heatmap',
        data: d.cells ?? [],
        label: { show: (d.cells?.length ?? 0) <= 60, formatter: (p: { value: number[] }) => fmt(p.value[2]) },
      },
    ],
  };
};

export const CHART_OPTIONS: Record<string, (d: ChartData, fmt: Format) => Options> = {
  bar: axisChart('bar'),
  line: axisChart('line'),
  pie: pieLike('pie'),
  funnel: pieLike('funnel'),
  heatmap,
};
