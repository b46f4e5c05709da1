/**
 * One "process" of sqlite.multiprocess.test.ts: opens the store on the shared file and races the
 * others. Run with `node -r tsx/cjs store-process.fixture.ts <file> <op> <name> <count>`; prints
 * one JSON line with what it did.
 */
import { createSqliteStore } from '../../src/store/sqlite/sqlite.store';

async function main(): Promise<void> {
  const [file, op, name, countText] = process.argv.slice(2);
  const count = Number(countText);
  const store = createSqliteStore({ file });
  const out: unknown[] = [];
  if (op === 'claim') {
    const jobs = store.collection('jobs');
    for (;;) {
      const taken = await jobs.claim({
        filter: { owner: null },
        sort: [{ field: 'rank', dir: 'asc' }],
        limit: 2,
        patch: { owner: name, attempts: { $inc: 1 } },
      });
      if (taken.length === 0) break;
      out.push(...taken.map((d) => d.id));
    }
  } else if (op === 'inc') {
    const counters = store.collection('counters');
    for (let i = 0; i < count; i++) {
      await counters.update('hot', { n: { $inc: 1 } });
      await counters.updateMany({ group: 'g' }, { m: { $inc: 1 } });
      const r = await counters.upsert(`k${i % 5}`, { hits: { $inc: 1 } });
      if (r.created) out.push(r.doc.id);
    }
  } else if (op === 'log') {
    for (let i = 0; i < count; i++) {
      const seqs = await store.transaction(async (tx) =>
        (
          await tx.log.append([
            { topic: 't', data: { name, i } },
            { topic: 't', data: { name, i, second: true } },
          ])
        ).map((e) => e.seq),
      );
      out.push(seqs);
    }
  }
  await store.close();
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(1);
});
