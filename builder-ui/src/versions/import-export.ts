/** Export downloads the draft as pretty JSON; import reads a file the user picked. */
import type { Draft } from '../store/draft.types';

export function downloadJson(definition: Draft, filename = `${definition.id}.json`): void {
  const blob = new Blob([`${JSON.stringify(definition, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function readJsonFile(file: File): Promise<Draft> {
  const value = JSON.parse(await file.text()) as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('the file does not hold a JSON object');
  return value as Draft;
}
