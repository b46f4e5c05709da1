import { describe, expect, it, afterAll } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createSqliteStore } from '../../src/store';

/**
 * The SQLite primitives across real OS processes sharing one file (the contract suite's peers
 * are connections in one thread, where better-sqlite3's synchronous calls cannot overlap).
 */
const dir = mkdtempSync(join(tmpdir(), 'tessera-sqlite-mp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = join(__dirname, 'store-process.fixture.ts');

async function race(file: string, op: string, processes: number, count = 0): Promise<unknown[][]> {
  const run = (name: string) =>
    promisify(execFile)(process.execPath, ['-r', 'tsx/cjs', fixture, file, op, name, String(count)], { cwd: join(__dirname, '../../..') });
  const results = await Promise.all(Array.from({ length: processes }, (_, i) => run(`p${i}`)));
  return results.map((r) => JSON.parse(r.stdout) as unknown[]);
}

describe('sqlite primitives across processes', () => {
  it('claimers in three processes never take the same document', async () => {
    const file = join(dir, 'claim.db');
    const store = createSqliteStore({ file });
    const jobs = await store.ensureCollection({
      name: 'jobs',
      fields: [
        { name: 'rank', kind: 'number', indexed: true },
        { name: 'owner', kind: 'string' },
      ],
    });
    await jobs.insertMany(Array.from({ length: 3000 }, (_, i) => ({ id: `j${i}`, rank: i, owner: null })));
    await store.close();
    const perProcess = (await race(file, 'claim', 3)) as string[][];
    console.log(`claims per process: ${perProcess.map((p) => p.length).join(', ')}`);
    const taken = perProcess.flat();
    expect(taken).toHaveLength(3000);
    expect(new Set(taken).size).toBe(3000);
    const after = createSqliteStore({ file });
    expect(await after.collection('jobs').count({ attempts: 1 })).toBe(3000);
    await after.close();
  }, 60_000);

  it('$inc, updateMany and upsert in three processes lose no increment and create each id once', async () => {
    const file = join(dir, 'inc.db');
    const store = createSqliteStore({ file });
    const counters = await store.ensureCollection({ name: 'counters', fields: [{ name: 'group', kind: 'string' }] });
    await counters.insertMany([
      { id: 'hot', n: 0 },
      { id: 'a', group: 'g' },
      { id: 'b', group: 'g', m: null },
    ]);
    await store.close();
    const perProcess = await race(file, 'inc', 3, 100);
    const created = perProcess.flat();
    expect([...created].sort()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
    const after = createSqliteStore({ file });
    const c = after.collection('counters');
    expect(await c.get('hot')).toMatchObject({ n: 300, version: 301 });
    expect(await c.get('a')).toMatchObject({ m: 300 });
    expect(await c.get('b')).toMatchObject({ m: 300 });
    for (let k = 0; k < 5; k++) expect(await c.get(`k${k}`)).toMatchObject({ hits: 60 });
    await after.close();
  }, 60_000);

  it('log appends from three processes get distinct, gapless seqs in commit order', async () => {
    const file = join(dir, 'log.db');
    const store = createSqliteStore({ file });
    const start = await store.log.lastSeq();
    await store.close();
    const batches = (await race(file, 'log', 3, 50)).flat() as number[][];
    for (const [a, b] of batches) expect(b).toBe(a + 1); // one transaction's entries are adjacent
    const seqs = batches.flat().sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 300 }, (_, i) => start + 1 + i));
    const after = createSqliteStore({ file });
    expect((await after.log.read(start, { limit: 10_000 })).map((e) => e.seq)).toEqual(seqs);
    await after.close();
  }, 60_000);
});
