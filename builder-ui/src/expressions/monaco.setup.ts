/**
 * Monaco, offline: the local monaco-editor package (never a CDN), its workers bundled by Vite,
 * and our JSONata language. Only imported through dynamic import(), so it is its own chunk.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { registerJsonata } from './jsonata.language';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

loader.config({ monaco });
registerJsonata(monaco);

/** The JSON language defaults moved from `languages.json` to a top-level `json` in 0.5x. */
export function jsonDefaults(): { setDiagnosticsOptions(o: unknown): void } {
  const m = monaco as unknown as { json?: { jsonDefaults: never }; languages: { json?: { jsonDefaults: never } } };
  return (m.json ?? m.languages.json)!.jsonDefaults;
}

export { monaco };
