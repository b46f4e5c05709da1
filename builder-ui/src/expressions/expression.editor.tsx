/**
 * The Monaco editor for one JSONata expression (loaded lazily with monaco.setup). Completion
 * comes from the entity in context; the live result is computed by the host modal.
 *
 * Uncontrolled: Monaco owns the text. A controlled `value` lags one React render behind the
 * editor, and @monaco-editor/react writes a stale value back into the model, so a key typed in
 * between was lost ("$uppercase" became "$upercase" when typing fast). Values we reported
 * ourselves are echoes and ignored; any other new `value` (a field tag clicked in the modal) is
 * written into the editor.
 */
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { completionContext, JSONATA, type CompletionFields } from './jsonata.language';
import './monaco.setup';

export interface ExpressionEditorProps {
  value: string;
  onChange(value: string): void;
  fields: CompletionFields;
  height?: number;
}

type CodeEditor = Parameters<OnMount>[0];

export default function ExpressionEditor({ value, onChange, fields, height = 160 }: ExpressionEditorProps) {
  const editor = useRef<CodeEditor | null>(null);
  /** Values reported through onChange that React has not handed back yet. */
  const echoes = useRef<string[]>([]);
  useEffect(() => {
    completionContext.current = fields;
  }, [fields]);
  useEffect(() => {
    const at = echoes.current.indexOf(value);
    if (at >= 0) {
      echoes.current = echoes.current.slice(at + 1);
      return;
    }
    const e = editor.current;
    if (e && e.getValue() !== value) e.setValue(value);
  }, [value]);
  return (
    <Editor
      height={height}
      language={JSONATA}
      defaultValue={value}
      onMount={(e) => {
        editor.current = e;
      }}
      onChange={(v) => {
        echoes.current.push(v ?? '');
        onChange(v ?? '');
      }}
      options={{
        minimap: { enabled: false },
        lineNumbers: 'off',
        fontSize: 14,
        wordWrap: 'on',
        scrollBeyondLastLine: false,
        quickSuggestions: true,
        automaticLayout: true,
        autoClosingQuotes: 'never',
      }}
    />
  );
}
