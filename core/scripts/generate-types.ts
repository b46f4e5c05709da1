/**
 * `npm run gen` (first half): writes the generated schemas and types.
 * `--check` writes nothing and exits 1 when a committed file differs from what would be written
 * (the freshness test runs it in a child process: json-schema-to-typescript loads prettier with a
 * dynamic import(), which crashes inside jest's VM).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderGeneratedFiles } from './generated-files';

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [path, content] of Object.entries(await renderGeneratedFiles())) {
    const file = join(root, path);
    if (check) {
      if (read(file) !== content) stale.push(`core/${path}`);
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    console.log(`wrote core/${path}`);
  }
  if (stale.length) {
    console.error(`stale generated files: ${stale.join(', ')}; run npm run gen`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
