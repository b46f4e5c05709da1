/**
 * The proof that a field type is one folder plus `npm run gen`: in a temporary copy of the
 * repository, add a "rating" type (1–5) as one folder, core/src/field-types/rating/ (schema,
 * descriptor, texts, fixture, renderer `rating.render.tsx` and its test: test/fixtures/rating-type
 * copied as it is), regenerate, and run, in that copy, the folder's own test (input and display
 * through the renderer registry), a definition with it through the validators and the records API
 * (store, read, `$gte` filter, CSV import "4" -> 4; test/fixtures/rating-api.scenario.ts, placed
 * beside the packages, not in them), plus the fixture and registry suites. A "badge" component
 * type (test/fixtures/badge-type, into core/src/component-types/badge/) is added the same way in the
 * same copy: its own test renders it by type and validates its props. Nothing else is edited.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const repo = join(__dirname, '..', '..');
const fixtures = join(__dirname, 'fixtures');
/** Fixture folder -> where the new type's folder goes. */
const TYPES = [
  ['rating-type', 'field-types/rating'],
  ['badge-type', 'component-types/badge'],
] as const;
const bin = (name: string) => join(repo, 'node_modules', '.bin', name);
let tmp: string;

/** The tracked (and new, not ignored) files of the packages the scenario needs. */
function copyRepo(): void {
  const files = execFileSync(
    'git',
    ['ls-files', '-co', '--exclude-standard', 'core', 'renderer', 'runtime', 'package.json', 'jest.config.js', 'tsconfig.base.json'],
    { cwd: repo, encoding: 'utf8' },
  )
    .split('\n')
    .filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(repo, f)) || f.includes('node_modules')) continue;
    mkdirSync(dirname(join(tmp, f)), { recursive: true });
    copyFileSync(join(repo, f), join(tmp, f));
  }
  // Installed packages are shared; the workspace packages are the copy's own.
  const linkAll = (from: string, to: string, skip: string[]) => {
    if (!existsSync(from)) return;
    mkdirSync(to, { recursive: true });
    for (const e of readdirSync(from)) if (!skip.includes(e)) symlinkSync(realpathSync(join(from, e)), join(to, e));
  };
  linkAll(join(repo, 'node_modules'), join(tmp, 'node_modules'), ['@tessera']);
  linkAll(join(repo, 'runtime', 'node_modules'), join(tmp, 'runtime', 'node_modules'), []);
  mkdirSync(join(tmp, 'node_modules', '@tessera'));
  for (const p of ['core', 'renderer', 'runtime']) symlinkSync(join(tmp, p), join(tmp, 'node_modules', '@tessera', p));
  // Only located by the server (built assets, connector manifests), not part of the scenario.
  for (const p of ['builder-ui', 'connectors']) symlinkSync(join(repo, p), join(tmp, 'node_modules', '@tessera', p));
}

const add = (from: string, to: string) => {
  mkdirSync(dirname(join(tmp, to)), { recursive: true });
  copyFileSync(join(fixtures, from), join(tmp, to));
};

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'tessera-new-type-'));
  copyRepo();
  // The types: each a whole folder, every file as it is.
  for (const [from, to] of TYPES) for (const f of readdirSync(join(fixtures, from))) add(join(from, f), `core/src/${to}/${f}`);
  // The probe of the server side: outside every package, so it is no part of the type.
  add('rating-api.scenario.ts', 'scenario/rating.api.test.ts');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const suites = [
  'core/src/field-types/rating/rating.render.test.tsx',
  'core/src/component-types/badge/badge.render.test.tsx',
  'scenario/rating.api.test.ts',
  'core/test/definition.validator.test.ts',
  'renderer/src/registries.test.tsx',
];

it('a rating folder and a badge folder plus npm run gen work end to end, with no other edit', () => {
  execFileSync(bin('tsx'), ['core/scripts/generate-types.ts'], { cwd: tmp, stdio: 'pipe' });
  let out: string;
  try {
    out = execFileSync(bin('jest'), ['--rootDir', tmp, '--ci', '--json', ...suites], { cwd: tmp, stdio: 'pipe', encoding: 'utf8' });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    throw new Error(`${e.stderr ?? ''}`.slice(-6000), { cause: err });
  }
  // Every suite ran (a path that matched nothing would not fail the run) and passed.
  const result = JSON.parse(out) as { testResults: Array<{ name: string; status: string }> };
  const ran = result.testResults.map((r) => [r.name.slice(realpathSync(tmp).length + 1), r.status]);
  expect(ran.sort()).toEqual(suites.map((s) => [s, 'passed']).sort());
}, 300_000);
