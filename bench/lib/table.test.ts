import { describe, expect, it } from '@jest/globals';
import { formatMarkdown, formatTable } from './table';

const rows = [
  { scenario: 'get by id', tessera: { rps: 2450.4, p50: 6, p99: 12 }, baseline: { rps: 4900, p50: 3, p99: 7 } },
  { scenario: 'list 50', tessera: { rps: 1000, p50: 15, p99: 40 }, baseline: { rps: 2500, p50: 6, p99: 9 }, ratio: 0.4 },
];

describe('result tables', () => {
  it('aligns columns and computes the ratio', () => {
    const lines = formatTable(rows).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('2,450');
    expect(lines[2]).toMatch(/0\.50x$/);
    expect(lines[3]).toMatch(/0\.40x$/);
    expect(new Set(lines.slice(1).map((l) => l.length)).size).toBe(1);
  });

  it('renders markdown with right-aligned numbers', () => {
    const md = formatMarkdown(rows).split('\n');
    expect(md[1]).toBe('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    expect(md[2]).toBe('| get by id | 2,450 | 6.00 | 12 | 4,900 | 3.00 | 7.00 | 0.50x |');
  });
});
