/**
 * `npm run gen` (first half): writes the type kinds' registry indexes (from the type folders),
 * then the generated schemas and types (which read those registries, so they are rendered after
 * the indexes are written, in a module loaded only then).
 * `--check` writes nothing and exits 1 when a committed file differs from what would be written
 * (the freshness test runs it in a child process: json-schema-to-typescript loads prettier with a
 * dynamic import(), which crashes inside jest's VM).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderTypeIndexes } from './type-indexes';

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

async function main(): Promise<void> {
  const repo = join(__dirname, '..', '..');
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  const emit = (files: Record<string, string>) => {
    for (const [path, content] of Object.entries(files)) {
      const file = join(repo, path);
      if (check) {
        if (read(file) !== content) stale.push(path);
        continue;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      console.log(`wrote ${path}`);
    }
  };
  emit(renderTypeIndexes(repo));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only now: it reads the registries just written
  const { renderGeneratedFiles } = require('./generated-files') as typeof import('./generated-files');
  emit(await renderGeneratedFiles());
  if (stale.length) {
    console.error(`stale generated files: ${stale.join(', ')}; run npm run gen`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
