/** Monaco's JSON editor with the app definition schema attached (squiggles + completion). Lazy chunk. */
import Editor, { DiffEditor, type DiffOnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { APP_DEFINITION_SCHEMA_ID, buildAppDefinitionSchema } from '@tessera/core';
import { jsonDefaults } from '../expressions/monaco.setup';

const MODEL_PATH = 'tessera-app.json';
let configured = false;

function configureSchema() {
  if (configured) return;
  configured = true;
  jsonDefaults().setDiagnosticsOptions({
    validate: true,
    enableSchemaRequest: false,
    schemas: [{ uri: APP_DEFINITION_SCHEMA_ID, fileMatch: [MODEL_PATH], schema: buildAppDefinitionSchema() }],
  });
}

export default function JsonEditor({ value, onChange }: { value: string; onChange(v: string): void }) {
  configureSchema();
  return (
    <Editor
      height="100%"
      language="json"
      path={MODEL_PATH}
      value={value}
      onChange={(v) => onChange(v ?? '')}
      options={{ minimap: { enabled: false }, fontSize: 13, tabSize: 2, automaticLayout: true, scrollBeyondLastLine: false }}
    />
  );
}

type DiffEditorInstance = Parameters<DiffOnMount>[0];

/**
 * Read-only side-by-side diff. The models are disposed here, after detaching them, rather than by
 * @monaco-editor/react, which disposes them while the diff widget still holds them (Monaco then
 * throws "TextModel got disposed before DiffEditorWidget model got reset" on unmount).
 */
export function JsonDiff({ original, modified }: { original: string; modified: string }) {
  const instance = useRef<DiffEditorInstance | null>(null);
  useEffect(
    () => () => {
      const editor = instance.current;
      const models = editor?.getModel();
      editor?.setModel(null);
      models?.original.dispose();
      models?.modified.dispose();
    },
    [],
  );
  return (
    <DiffEditor
      height="100%"
      language="json"
      original={original}
      modified={modified}
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      onMount={(editor) => {
        instance.current = editor;
      }}
      options={{
        readOnly: true,
        renderSideBySide: true,
        hideUnchangedRegions: { enabled: true },
        minimap: { enabled: false },
        automaticLayout: true,
        fontSize: 12,
      }}
    />
  );
}
