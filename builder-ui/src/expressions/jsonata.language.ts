/**
 * JSONata for Monaco: a Monarch tokenizer (Monaco ships none for JSONata) and a completion
 * provider that offers the fields of the entity being edited, the fields of related entities
 * after `relation.`, and JSONata's built-in functions.
 */
import type * as Monaco from 'monaco-editor';

export const JSONATA = 'jsonata';

export interface CompletionFields {
  fields: Array<{ id: string; type: string; label: string }>;
  /** Relation field id -> the target entity's fields. */
  related: Record<string, Array<{ id: string; type: string; label: string }>>;
}

/** Set by the open expression editor; the provider is global, the context is per editor. */
export const completionContext: { current: CompletionFields } = { current: { fields: [], related: {} } };

const FUNCTIONS = [
  'sum',
  'count',
  'max',
  'min',
  'average',
  'string',
  'substring',
  'substringBefore',
  'substringAfter',
  'uppercase',
  'lowercase',
  'trim',
  'pad',
  'contains',
  'split',
  'join',
  'replace',
  'number',
  'abs',
  'floor',
  'ceil',
  'round',
  'power',
  'sqrt',
  'boolean',
  'not',
  'exists',
  'length',
  'now',
  'millis',
  'fromMillis',
  'toMillis',
  'formatNumber',
  'formatInteger',
  'keys',
  'lookup',
  'append',
  'sort',
  'reverse',
  'distinct',
  'map',
  'filter',
  'reduce',
  'merge',
  'type',
];

export const monarch: Monaco.languages.IMonarchLanguage = {
  keywords: ['and', 'or', 'in', 'true', 'false', 'null', 'function'],
  tokenizer: {
    root: [
      [/\/\*/, 'comment', '@comment'],
      [/\$[a-zA-Z_][\w]*(?=\s*\()/, 'predefined'],
      [/\$[a-zA-Z_][\w]*|\$\$|\$/, 'variable'],
      [/[a-zA-Z_][\w]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
      [/`[^`]*`/, 'identifier'],
      [/\d+(\.\d+)?([eE][-+]?\d+)?/, 'number'],
      [/"([^"\\]|\\.)*"/, 'string'],
      [/'([^'\\]|\\.)*'/, 'string'],
      [/:=|!=|<=|>=|~>|\.\.|\?:|\?\?|[-+*/%&=<>?:!^#@~|]/, 'operator'],
      [/[{}()[\]]/, '@brackets'],
      [/[,;.]/, 'delimiter'],
    ],
    comment: [
      [/[^/*]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/[/*]/, 'comment'],
    ],
  },
};

let registered = false;

export function registerJsonata(monaco: typeof Monaco): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: JSONATA });
  monaco.languages.setMonarchTokensProvider(JSONATA, monarch);
  monaco.languages.setLanguageConfiguration(JSONATA, {
    brackets: [
      ['(', ')'],
      ['[', ']'],
      ['{', '}'],
    ],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: '{', close: '}' },
      { open: '"', close: '"' },
      { open: "'", close: "'" },
    ],
  });
  monaco.languages.registerCompletionItemProvider(JSONATA, {
    triggerCharacters: ['.', '$'],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      const kind = monaco.languages.CompletionItemKind;
      const { fields, related } = completionContext.current;
      const afterDot = /([a-zA-Z_]\w*)\.$/.exec(before);
      if (afterDot) {
        const target = related[afterDot[1]] ?? [];
        return {
          suggestions: target.map((f) => ({ label: f.id, kind: kind.Field, detail: `${f.type} · ${f.label}`, insertText: f.id, range })),
        };
      }
      if (before.endsWith('$')) {
        return {
          suggestions: FUNCTIONS.map((fn) => ({
            label: fn,
            kind: kind.Function,
            insertText: `${fn}($0)`,
            insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
            range,
          })),
        };
      }
      return {
        suggestions: [
          ...fields.map((f) => ({
            label: f.id,
            kind: kind.Field,
            detail: `${f.type} · ${f.label}`,
            insertText: f.id,
            range,
            sortText: `0${f.id}`,
          })),
          ...Object.keys(related).map((r) => ({
            label: `${r}.`,
            kind: kind.Module,
            detail: 'related record',
            insertText: `${r}.`,
            range,
            sortText: `1${r}`,
            command: { id: 'editor.action.triggerSuggest', title: '' },
          })),
          ...FUNCTIONS.map((fn) => ({
            label: `$${fn}`,
            kind: kind.Function,
            insertText: `$${fn}($0)`,
            insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
            range,
            sortText: `2${fn}`,
          })),
        ],
      };
    },
  });
}
