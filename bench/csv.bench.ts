/**
 * `npm run bench:csv`: reading a CSV import's rows, against papaparse (what the import used
 * before) in the same run. For each line ending, a file of BENCH_CSV_ROWS rows (default
 * 1,000,000): total time, and the longest the event loop was held (a 1 ms timer's worst gap),
 * which is what other requests wait for while an import is read.
 */
import Papa from 'papaparse';
import { CsvCursor, countRows, readRows } from '../runtime/src/platform/csv/csv-parse';

const ROWS = Number(process.env.BENCH_CSV_ROWS ?? 1_000_000);

async function measure(run: () => Promise<number> | number): Promise<{ ms: number; worstGapMs: number; rows: number }> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  await new Promise((r) => setTimeout(r, 20));
  const started = performance.now();
  last = started;
  const rows = await run();
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 5)); // the gap ending with the run
  clearInterval(timer);
  return { ms, worstGapMs: worst, rows };
}

async function ours(text: string): Promise<number> {
  await countRows(text); // the import counts first, for its progress bar
  const cursor = new CsvCursor(text);
  let n = 0;
  for (let batch; (batch = await readRows(cursor, 500)).length;) {
    n += batch.length;
    await new Promise((r) => setImmediate(r)); // the import stores each batch before reading on
  }
  return n;
}

function papaparse(text: string): number {
  let n = 0;
  Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', step: () => void n++ });
  return n;
}

async function main(): Promise<void> {
  console.log(`CSV rows: ${ROWS.toLocaleString('en-US')} per file, Node ${process.version}`);
  console.log('| line ending | reader | total ms | longest event-loop block ms |');
  console.log('| --- | --- | ---: | ---: |');
  for (const [name, sep] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const) {
    const parts = ['name,email,notes'];
    for (let i = 0; i < ROWS; i++) parts.push(`Name ${i},n${i}@example.com,"said ""hi"", twice"`);
    const text = parts.join(sep);
    // papaparse on CR-only text is quadratic: past 100,000 rows it would run for minutes.
    const skipPapa = sep === '\r' && ROWS > 100_000;
    for (const [reader, run] of [
      ['tessera', () => ours(text)],
      ['papaparse', () => papaparse(text)],
    ] as const) {
      if (reader === 'papaparse' && skipPapa) {
        console.log(`| ${name} | papaparse | not run (quadratic on CR-only text; try BENCH_CSV_ROWS=100000) | |`);
        continue;
      }
      const r = await measure(run);
      if (r.rows !== ROWS + 1) throw new Error(`${reader} read ${r.rows} rows, expected ${ROWS + 1}`);
      console.log(`| ${name} | ${reader} | ${r.ms.toFixed(0)} | ${r.worstGapMs.toFixed(0)} |`);
    }
  }
}

void main();
