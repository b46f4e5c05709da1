/**
 * The Monaco editor for one JSONata expression (loaded lazily with monaco.setup). Completion
 * comes from the entity in context; the live result is computed by the host modal.
 */
import Editor from '@monaco-editor/react';
import { useEffect } from 'react';
import { completionContext, JSONATA, type CompletionFields } from './jsonata.language';
import './monaco.setup';

export interface ExpressionEditorProps {
  value: string;
  onChange(value: string): void;
  fields: CompletionFields;
  height?: number;
}

export default function ExpressionEditor({ value, onChange, fields, height = 160 }: ExpressionEditorProps) {
  useEffect(() => {
    completionContext.current = fields;
  }, [fields]);
  return (
    <Editor
      height={height}
      language={JSONATA}
      value={value}
      onChange={(v) => onChange(v ?? '')}
      options={{ minimap: { enabled: false }, lineNumbers: 'off', fontSize: 14, wordWrap: 'on', scrollBeyondLastLine: false, quickSuggestions: true, automaticLayout: true, autoClosingQuotes: 'never' }}
    />
  );
}
