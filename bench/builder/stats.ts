/** Median / p95 of latency samples, and the builder benchmark's result table. */
export interface Series {
  name: string;
  /** The target in ms (the row passes when p95 ≤ target for interactions, median ≤ target for loads). */
  target: number;
  on: 'median' | 'p95';
  samples: number[];
}

export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank: the smallest sample with at least p% of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const HEADERS = ['measurement', 'n', 'median ms', 'p95 ms', 'max ms', 'target', 'met'];
const ms = (v: number) => (Number.isFinite(v) ? (v < 100 ? v.toFixed(1) : v.toFixed(0)) : 'n/a');

function cells(s: Series): string[] {
  const med = percentile(s.samples, 50);
  const p95 = percentile(s.samples, 95);
  const judged = s.on === 'median' ? med : p95;
  return [
    s.name,
    String(s.samples.length),
    ms(med),
    ms(p95),
    ms(Math.max(...s.samples)),
    `${s.on} < ${s.target} ms`,
    judged < s.target ? 'yes' : 'NO',
  ];
}

export function formatTable(series: Series[]): string {
  const grid = [HEADERS, ...series.map(cells)];
  const widths = HEADERS.map((_, c) => Math.max(...grid.map((l) => l[c].length)));
  const pad = (l: string[]) =>
    l
      .map((x, c) => (c === 0 || c === 5 ? x.padEnd(widths[c]) : x.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [pad(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...series.map((s) => pad(cells(s)))].join('\n');
}

export function formatMarkdown(series: Series[]): string {
  const line = (cs: string[]) => `| ${cs.join(' | ')} |`;
  return [line(HEADERS), line(HEADERS.map((_, c) => (c === 0 || c === 5 ? '---' : '---:'))), ...series.map((s) => line(cells(s)))].join(
    '\n',
  );
}
