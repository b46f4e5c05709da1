export interface CsvRow {
  /** The line this row starts on (quoted cells may span lines), counting CRLF, LF and lone CR alike. */
  line: number;
  cells: string[];
  /** What could not be made sense of (a quote that is never closed). */
  error?: string;
}

/** Characters read between turns of the event loop: about a millisecond of work. */
const SLICE = 64 * 1024;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Reads CSV text (RFC 4180: comma-separated, `"` quotes with `""` inside; records end at CRLF,
 * LF or a lone CR) row by row, in one linear pass. Lenient where spreadsheets are: a quote
 * inside an unquoted cell is kept as text, text after a closing quote is appended. Rows whose
 * cells are all empty or whitespace (`,,` from a spreadsheet) are skipped. A quote never closed gives one error row and ends the
 * file (the rest of it is inside the quote). The import reads a batch at a time (`readRows`),
 * so only one batch of rows is ever held and the event loop gets a turn every SLICE characters.
 * (papaparse, used before, re-scanned the rest of the file per row for CR-only files, numbered
 * their lines wrongly, and parsed a whole 50 MB body in one blocking call.)
 */
export class CsvCursor {
  private i: number;
  private line = 1;

  constructor(private readonly text: string) {
    this.i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** How far the cursor has read, in characters. */
  get position(): number {
    return this.i;
  }

  get done(): boolean {
    return this.i >= this.text.length;
  }

  /** The next non-blank row, or null at the end. */
  next(): CsvRow | null {
    while (!this.done) {
      const row = this.record();
      if (row.error || row.cells.join('').trim() !== '') return row; // `,,` is as blank as an empty line
    }
    return null;
  }

  private record(): CsvRow {
    const { text } = this;
    const n = text.length;
    const start = this.line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text.charCodeAt(this.i) === QUOTE) {
        const opened = this.line;
        this.i++;
        for (;;) {
          const q = text.indexOf('"', this.i);
          if (q < 0) {
            this.i = n;
            return { line: opened, cells: [], error: `a quoted cell opened on line ${opened} is never closed` };
          }
          this.line += breaksIn(text, this.i, q);
          cell += text.slice(this.i, q);
          this.i = q + 1;
          if (text.charCodeAt(this.i) !== QUOTE) break;
          cell += '"';
          this.i++;
        }
      }
      // Unquoted text (or what follows a closing quote) up to the next comma or line break.
      let j = this.i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
      }
      cells.push(cell + text.slice(this.i, j));
      this.i = j;
      const c = text.charCodeAt(j);
      if (c === COMMA) {
        this.i++;
        continue;
      }
      if (c === CR || c === LF) {
        this.i += c === CR && text.charCodeAt(j + 1) === LF ? 2 : 1;
        this.line++;
      }
      return { line: start, cells };
    }
  }
}

/** Up to `max` rows from the cursor (fewer only at the end), giving the event loop a turn every SLICE characters. */
export async function readRows(cursor: CsvCursor, max: number): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  let nextYield = cursor.position + SLICE;
  while (rows.length < max) {
    const row = cursor.next();
    if (!row) break;
    rows.push(row);
    if (cursor.position >= nextYield) {
      nextYield = cursor.position + SLICE;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return rows;
}

/** How many rows the text holds (blank ones not counted), read the same way without keeping them. */
export async function countRows(text: string): Promise<number> {
  const cursor = new CsvCursor(text);
  let count = 0;
  for (let batch: CsvRow[]; (batch = await readRows(cursor, 10_000)).length;) count += batch.length;
  return count;
}

/** Line breaks in text[from, to), a CRLF counting once. */
function breaksIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) count++;
  }
  return count;
}
