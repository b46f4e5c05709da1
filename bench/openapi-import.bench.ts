/**
 * `npx tsx bench/openapi-import.bench.ts`: importing the largest OpenAPI fixture (GitHub's REST
 * description, 13 MB, 1,223 operations) into a connector manifest. Prints the import's median time
 * and the process's peak RSS over the imports (aim: under 2 s and under 300 MB), then what
 * validateConnectorManifest takes on the result (not part of the import). BENCH_OPENAPI_RUNS
 * (default 3) imports in a row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { validateConnectorManifest, type ConnectorManifest } from '@tessera/core';
import { formatMb, readMemory } from './lib/rss';

/**
 * Loaded by path: bench/tsconfig.json does not reference the connectors project (yet), so a static
 * import would not type-check. This is the part of importOpenApi's result the bench reads.
 */
type ImportOpenApi = (source: string) => Promise<{ ok: true; manifest: ConnectorManifest } | { ok: false; errors: unknown[] }>;
const IMPORTER = join(__dirname, '../connectors/src/openapi/openapi-import');

const RUNS = Number(process.env.BENCH_OPENAPI_RUNS ?? 3);
const FIXTURE = join(__dirname, '../connectors/test/fixtures/openapi/github-api-3.0.json.gz');

async function main(): Promise<void> {
  const { importOpenApi } = (await import(IMPORTER)) as { importOpenApi: ImportOpenApi };
  const text = gunzipSync(readFileSync(FIXTURE)).toString('utf8');
  const before = readMemory(process.pid);
  const times: number[] = [];
  let manifest: ConnectorManifest | undefined;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = await importOpenApi(text);
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
    manifest = result.manifest;
  }
  const afterImports = readMemory(process.pid);
  // Not part of the import: what validating the imported manifest costs (e.g. when it is saved).
  const validated = performance.now();
  const checked = validateConnectorManifest(manifest);
  const validationMs = performance.now() - validated;
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  console.log(
    `OpenAPI import: ${(text.length / 1024 / 1024).toFixed(1)} MB document, ${manifest!.operations.length} operations, ${RUNS} runs`,
  );
  console.log(`  import                      median ${median.toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(
    `  peak RSS over the imports   ${formatMb(afterImports.peakRss)} (before: ${formatMb(before.peakRss)}, the document's text already in memory)`,
  );
  console.log(
    `  validateConnectorManifest   ${validationMs.toFixed(0)} ms on the result (${checked.ok ? 'valid' : 'INVALID'}; not part of the import), peak RSS then ${formatMb(readMemory(process.pid).peakRss)}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
