/** Result tables for the terminal (aligned columns) and for issues/PRs (markdown). */

export interface Stats {
  rps: number;
  p50: number;
  p99: number;
}

export interface BenchRow {
  scenario: string;
  tessera: Stats;
  baseline: Stats;
  /** tessera.rps / baseline.rps; computed when absent. */
  ratio?: number;
}

const HEADERS = ['scenario', 'tessera req/s', 'p50 ms', 'p99 ms', 'baseline req/s', 'p50 ms', 'p99 ms', 'ratio'];
/** Text columns align left, numbers right. */
const LEFT = new Set([0]);

function ratioOf(row: BenchRow): number {
  return row.ratio ?? (row.baseline.rps > 0 ? row.tessera.rps / row.baseline.rps : NaN);
}

function ms(v: number): string {
  return v < 10 ? v.toFixed(2) : v.toFixed(0);
}

function cells(row: BenchRow): string[] {
  const r = ratioOf(row);
  return [
    row.scenario,
    Math.round(row.tessera.rps).toLocaleString('en-US'),
    ms(row.tessera.p50),
    ms(row.tessera.p99),
    Math.round(row.baseline.rps).toLocaleString('en-US'),
    ms(row.baseline.p50),
    ms(row.baseline.p99),
    Number.isFinite(r) ? `${r.toFixed(2)}x` : 'n/a',
  ];
}

export function formatTable(rows: BenchRow[]): string {
  const grid = [HEADERS, ...rows.map(cells)];
  const widths = HEADERS.map((_, c) => Math.max(...grid.map((line) => line[c].length)));
  const pad = (line: string[]) =>
    line
      .map((cell, c) => (LEFT.has(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [pad(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((row) => pad(cells(row)))].join('\n');
}

export function formatMarkdown(rows: BenchRow[]): string {
  const line = (cs: string[]) => `| ${cs.join(' | ')} |`;
  const align = HEADERS.map((_, c) => (LEFT.has(c) ? '---' : '---:'));
  return [line(HEADERS), line(align), ...rows.map((row) => line(cells(row)))].join('\n');
}

export function printTables(rows: BenchRow[]): void {
  console.log(formatTable(rows));
  console.log();
  console.log(formatMarkdown(rows));
}
