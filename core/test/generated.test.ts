/** The committed generated files must match what the schemas produce now. */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReference } from '../scripts/definition-reference';
import { renderTypeIndexes } from '../scripts/type-indexes';

const repo = join(__dirname, '..', '..');

describe('generated files', () => {
  it('core/generated, core/src/generated and the registry indexes (core and renderer) are fresh', () => {
    try {
      execFileSync(join(repo, 'node_modules', '.bin', 'tsx'), ['core/scripts/generate-types.ts', '--check'], { cwd: repo, stdio: 'pipe' });
    } catch (err) {
      throw new Error(String((err as { stderr?: Buffer }).stderr ?? err), { cause: err });
    }
  });

  it("writes the renderer's registries from the type folders' render files", () => {
    const indexes = renderTypeIndexes(repo);
    expect(indexes['renderer/src/fields/fields.index.ts']).toContain(
      "import { moneyField } from '@tessera/core/field-types/money/money.render';",
    );
    expect(indexes['renderer/src/components/components.index.ts']).toContain(
      "import { TableComponent } from '@tessera/core/component-types/table/table.render';",
    );
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
