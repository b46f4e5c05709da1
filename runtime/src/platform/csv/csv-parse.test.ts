import Papa from 'papaparse';
import { CsvCursor, countRows, readRows } from './csv-parse';

const all = (text: string) => readRows(new CsvCursor(text), Infinity);
const lines = async (text: string) => (await all(text)).map((r) => [r.line, r.cells]);

describe('CSV rows', () => {
  it('ends records at CRLF, LF or a lone CR alike, numbering lines the way an editor shows them', async () => {
    const expected = [
      [1, ['name', 'code']],
      [2, ['Ann', 'A1']],
      [4, ['Bo', 'B2']],
    ];
    for (const sep of ['\r\n', '\n', '\r']) expect(await lines(['name,code', 'Ann,A1', '', 'Bo,B2', ''].join(sep))).toEqual(expected);
    expect(await lines('a\rb\nc\r\nd')).toEqual([
      [1, ['a']],
      [2, ['b']],
      [3, ['c']],
      [4, ['d']],
    ]);
  });

  it('keeps quoted commas, quotes and line breaks, and numbers the rows after them right', async () => {
    expect(await lines('\ufeffname,notes\r"Smith, Ann","said ""hi""\rtwice"\rBo,x\r')).toEqual([
      [1, ['name', 'notes']],
      [2, ['Smith, Ann', 'said "hi"\rtwice']],
      [4, ['Bo', 'x']],
    ]);
  });

  it("gives papaparse's cells for ordinary files", async () => {
    const text = 'a,b,c\n1,"2,3",4\n"x""y",,z\n  lead, trail  ,\n';
    const ours = (await all(text)).map((r) => r.cells);
    expect(ours).toEqual(Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data);
  });

  it('skips rows that are blank, whitespace or only commas (a spreadsheet’s trailing rows)', async () => {
    expect(await lines('a,b\n\n   \n,,\n1,2\n')).toEqual([
      [1, ['a', 'b']],
      [5, ['1', '2']],
    ]);
    expect(await countRows('a,b\n\n,,\n1,2\n3,4')).toBe(3);
  });

  it('reports a quote that is never closed once, on the line it opened, and stops there', async () => {
    expect(await all('name,code\rFirst,D1\r"Second,D2\rThird,D3\r')).toEqual([
      { line: 1, cells: ['name', 'code'] },
      { line: 2, cells: ['First', 'D1'] },
      { line: 3, cells: [], error: 'a quoted cell opened on line 3 is never closed' },
    ]);
  });

  it('reads a batch at a time, going on where the last batch stopped', async () => {
    const text = ['h', ...Array.from({ length: 1200 }, (_, i) => `r${i}`)].join('\r');
    const cursor = new CsvCursor(text);
    const sizes: number[] = [];
    let last = 0;
    for (let b; (b = await readRows(cursor, 500)).length;) {
      sizes.push(b.length);
      last = b[b.length - 1].line;
    }
    expect(sizes).toEqual([500, 500, 201]);
    expect(last).toBe(1201);
  });
});
