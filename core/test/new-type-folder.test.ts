/**
 * The proof that a field type is one folder plus `npm run gen`: in a temporary copy of the
 * repository, add a "rating" type (1–5) as files only — core/src/field-types/rating/ (schema,
 * descriptor, texts, fixture) and its renderer (renderer/src/fields/rating/, until renderers move
 * into the type folders) — regenerate, and run, in that copy, a definition with it through the
 * validators, the records API (store, read, `$gte` filter, CSV import "4" -> 4) and the renderer
 * (input and display), plus the fixture and registry suites. Nothing else is edited.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const repo = join(__dirname, '..', '..');
const folder = join(__dirname, 'fixtures', 'rating-type');
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
  copyFileSync(join(folder, from), join(tmp, to));
};

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'tessera-new-type-'));
  copyRepo();
  for (const f of ['rating.field.schema.json', 'rating.field.ts', 'rating.texts.json', 'rating.fixture.json'])
    add(f, `core/src/field-types/rating/${f}`);
  add('rating.render.tsx', 'renderer/src/fields/rating/rating.field.tsx');
  add('rating.api.scenario.ts', 'runtime/test/api/rating.test.ts');
  add('rating.render.scenario.tsx', 'renderer/src/fields/rating/rating.test.tsx');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('a rating folder plus npm run gen works end to end, with no other edit', () => {
  execFileSync(bin('tsx'), ['core/scripts/generate-types.ts'], { cwd: tmp, stdio: 'pipe' });
  try {
    execFileSync(
      bin('jest'),
      [
        '--rootDir',
        tmp,
        '--ci',
        'runtime/test/api/rating.test.ts',
        'renderer/src/fields/rating/rating.test.tsx',
        'core/test/definition.validator.test.ts',
        'renderer/src/registries.test.tsx',
      ],
      {
        cwd: tmp,
        stdio: 'pipe',
        encoding: 'utf8',
      },
    );
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    throw new Error(`${e.stderr ?? ''}\n${e.stdout ?? ''}`.slice(-6000), { cause: err });
  }
}, 300_000);
