/** CSV cell readers shared by several field types (each type's `csv.parse` picks its own). */
import { CsvCellError } from './field-type';

/** `1 250.5` and `1_250` read as numbers (spreadsheets group digits). */
export function parseNumberCell(cell: string): number {
  const n = Number(cell.replace(/[\s_]/g, ''));
  if (!Number.isFinite(n)) throw new CsvCellError('number', `"${cell}" is not a number`);
  if (Math.abs(n) > Number.MAX_SAFE_INTEGER)
    throw new CsvCellError('number', `"${cell}" is too large to be stored exactly (over ${Number.MAX_SAFE_INTEGER}); use a text field`);
  return n;
}

/** A `;`-separated list (multienum values, relation ids). */
export const listCell = (cell: string): string[] =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
