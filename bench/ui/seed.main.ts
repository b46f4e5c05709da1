/**
 * `node --import tsx bench/ui/seed.main.ts <dataDir> <rows>`: seeds the bench:ui data directory in
 * a process of its own, printing progress. The benchmark runs it as a child so that the process
 * driving the browser has not just spent ~100 s inserting a million rows (when it had, the very
 * first page load measured 960–1,141 ms instead of 774–833 ms).
 */
import { seedUiBench } from './seed';

async function main(): Promise<void> {
  const [dataDir, rows] = process.argv.slice(2);
  const n = Number(rows);
  if (!dataDir || !Number.isInteger(n) || n < 0) throw new Error('usage: seed.main.ts <dataDir> <rows>');
  let lastLog = 0;
  const seed = await seedUiBench(dataDir, n, (done) => {
    if (done - lastLog >= 200_000 || done === n) {
      lastLog = done;
      console.log(`  ${done.toLocaleString('en-US')}`);
    }
  });
  console.log(`  seeded in ${(seed.ms / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
