// ESLint (flat config): `npm run lint`, part of `npm test`. Rules are the recommended sets of
// ESLint and typescript-eslint (syntax only, no type information, so it stays fast) plus React's
// rules of hooks; the few `eslint-disable` comments in the code name the rule they set aside and why.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', '.tessera/**', 'coverage/**', 'test-artifacts/**', '.bench/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused names are errors, except the deliberately ignored `_x` and rest siblings.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.tsx', 'renderer/src/**/*.ts', 'builder-ui/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Core's .ts code stays browser-safe and React-free: a type folder's renderer is its .tsx files
    // (compiled by the renderer's project), and nothing in core's .ts may import them or React.
    files: ['core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'antd', 'antd/*', '@ant-design/*', 'echarts', 'echarts/*'],
              message: 'core is React-free: React code of a type folder goes in its *.render.tsx files.',
            },
            { group: ['@tessera/renderer', '@tessera/renderer/*'], message: 'core does not depend on the renderer.' },
            { group: ['**/*.render', '**/*.render.*', '**/*.tsx'], message: 'render files (.tsx) are compiled by the renderer only.' },
          ],
        },
      ],
    },
  },
  {
    // A type folder's render files reach the renderer only through its public entries for them.
    files: ['core/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@tessera/renderer(?!/(kit|testing)$)',
              message:
                'type folders use @tessera/renderer/kit (and /testing in tests); the main entry loads the registries, which import the type folders.',
            },
            { regex: '^\\.\\.?/(.*/)?renderer/', message: 'no relative paths from core into the renderer: use @tessera/renderer/kit.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
