/**
 * The validator generated at build time for the builder (ajv standalone code) must judge exactly
 * as the one compiled at run time: same verdicts, same defaults, same errors. Run as a real ES
 * module in a child Node process, the way a bundle imports it.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { definitionSchemaValidator } from '../src/validate/definition.validator';
import { definitionValidatorModule } from '../src/validate/definition-validator.standalone';
import { fullApp, type Loose } from './fixture';

const root = join(__dirname, '..', '..');

/** Each document through the generated module: [valid, document after defaults, errors]. */
function runGenerated(docs: unknown[]): Array<[boolean, unknown, unknown]> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-validator-'));
  const input = join(dir, 'docs.json');
  writeFileSync(input, JSON.stringify(docs));
  const harness = `
import { readFileSync } from 'node:fs';
const docs = JSON.parse(readFileSync(${JSON.stringify(input)}, 'utf8'));
process.stdout.write(JSON.stringify(docs.map((d) => { const ok = validate(d); return [ok, d, validate.errors ?? null]; })));`;
  // The module comes on stdin (too big for an argument); bare imports resolve from the repository.
  const run = spawnSync(process.execPath, ['--input-type=module'], {
    cwd: root,
    input: definitionValidatorModule() + harness,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(run.stderr || String(run.error));
  return JSON.parse(run.stdout);
}

const errorShape = (errors: Loose) =>
  (errors ?? []).map((e: Loose) => ({ instancePath: e.instancePath, keyword: e.keyword, params: e.params, message: e.message }));

describe('the build-time definition validator', () => {
  it('accepts, defaults and refuses exactly like the compiled one', () => {
    const broken = fullApp();
    broken.entities[0].fields[0].type = 'txet';
    broken.entities[1].fields.push({ id: 'Bad Id', type: 'number', min: 'ten' });
    broken.pages[0].components[0].props = { ...broken.pages[0].components[0].props, nonsense: true };
    const docs = [fullApp(), broken, { schemaVersion: 1 }];
    const generated = runGenerated(docs);
    const compiled = definitionSchemaValidator();
    docs.forEach((doc, i) => {
      const ok = compiled(doc);
      expect(generated[i][0]).toBe(ok);
      expect(generated[i][1]).toEqual(doc);
      expect(errorShape(generated[i][2])).toEqual(errorShape(compiled.errors));
    });
    expect(generated[0][0]).toBe(true);
    expect(generated[1][0]).toBe(false);
    expect((generated[1][2] as unknown[]).length).toBeGreaterThan(2);
  });
});
