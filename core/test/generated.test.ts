/** The committed generated files must match what the schemas produce now. */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReference } from '../scripts/definition-reference';

const repo = join(__dirname, '..', '..');

describe('generated files', () => {
  it('core/generated and core/src/generated are fresh', () => {
    try {
      execFileSync(join(repo, 'node_modules', '.bin', 'tsx'), ['core/scripts/generate-types.ts', '--check'], { cwd: repo, stdio: 'pipe' });
    } catch (err) {
      throw new Error(String((err as { stderr?: Buffer }).stderr ?? err), { cause: err });
    }
  });

  it('docs/reference/definition.md is fresh', () => {
    const committed = (() => {
      try {
        return readFileSync(join(repo, 'docs', 'reference', 'definition.md'), 'utf8');
      } catch {
        return '(missing)';
      }
    })();
    if (committed !== renderReference()) throw new Error('docs/reference/definition.md is stale: run npm run gen');
    expect(committed).toContain('### `rollup` — Rollup');
  });
});
