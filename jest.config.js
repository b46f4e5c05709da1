/** One jest run for the whole workspace: `npm test`. TypeScript is compiled by swc (no type check here; `npm run typecheck` does that). */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  testMatch: ['<rootDir>/**/*.test.ts', '<rootDir>/**/*.test.tsx'],
  // core/test/fixtures: the throwaway rating type's test runs only inside new-type-folder.test.ts's copy.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tessera/', '/core/test/fixtures/'],
  // @ant-design/icons' CommonJS build requires one ESM file of @ant-design/colors; its CommonJS twin is identical.
  moduleNameMapper: { '^@ant-design/colors/es/(.*)$': '@ant-design/colors/lib/$1' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testTimeout: 30000,
};
