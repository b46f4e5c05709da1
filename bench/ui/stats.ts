/** Percentiles (nearest rank) and a small aligned table for the UI benchmark. */

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(values: number[]): Summary {
  return {
    n: values.length,
    median: percentile(values, 50),
    p95: percentile(values, 95),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

export const ms = (v: number): string => (Number.isFinite(v) ? (v < 10 ? v.toFixed(1) : v.toFixed(0)) : 'n/a');

export function table(headers: string[], rows: string[][], markdown = false): string {
  if (markdown) {
    const line = (cs: string[]) => `| ${cs.join(' | ')} |`;
    return [line(headers), line(headers.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
  }
  const grid = [headers, ...rows];
  const widths = headers.map((_, c) => Math.max(...grid.map((r) => (r[c] ?? '').length)));
  const pad = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [pad(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(pad)].join('\n');
}
