/**
 * `npx tsx bench/openapi-import.bench.ts`: importing the largest OpenAPI fixture (GitHub's REST
 * description, 13 MB, 1,223 operations) into a connector manifest. Prints the import's time, the
 * share of it the final manifest validation takes (validateConnectorManifest, measured again on
 * the result), and the process's peak RSS (aim: under 2 s and under 300 MB). BENCH_OPENAPI_RUNS
 * (default 3) imports in a row; the median is reported.
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
  const validations: number[] = [];
  let operations = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = await importOpenApi(text);
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
    operations = result.manifest.operations.length;
    const validated = performance.now();
    validateConnectorManifest(result.manifest);
    validations.push(performance.now() - validated);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const after = readMemory(process.pid);
  console.log(`OpenAPI import: ${(text.length / 1024 / 1024).toFixed(1)} MB document, ${operations} operations, ${RUNS} runs`);
  console.log(`  import          median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`  of which the manifest validation ≈ ${median(validations).toFixed(0)} ms (validateConnectorManifest alone, on the result)`);
  console.log(
    `  peak RSS        ${formatMb(after.peakRss)} (before the first import: ${formatMb(before.peakRss)}, with the document's text in memory)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
