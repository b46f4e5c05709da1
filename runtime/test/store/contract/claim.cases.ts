import { expect, it } from '@jest/globals';
import { StoreError, UniqueViolationError, type Collection, type Store } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';

const JOBS = {
  name: 'jobs',
  fields: [
    { name: 'runAt', kind: 'date' as const, indexed: true },
    { name: 'owner', kind: 'string' as const },
    { name: 'key', kind: 'string' as const, unique: true },
  ],
};

async function jobs(store: Store, n: number): Promise<Collection> {
  const c = await store.ensureCollection(JOBS);
  await c.insertMany(
    Array.from({ length: n }, (_, i) => ({
      id: `j${String(i).padStart(2, '0')}`,
      runAt: `2026-01-01T00:00:${String(59 - i).padStart(2, '0')}Z`,
      owner: null,
    })),
  );
  return c;
}

const free = { owner: null };

export function claimCases(env: ContractEnv): void {
  it('takes up to limit matching documents in sort order, patched in the same step', async () => {
    const c = await jobs(env.store(), 5);
    const taken = await c.claim({
      filter: free,
      sort: [{ field: 'runAt', dir: 'asc' }],
      limit: 2,
      patch: { owner: 'w1', attempts: { $inc: 1 } },
    });
    expect(taken.map((d) => d.id)).toEqual(['j04', 'j03']);
    for (const d of taken) expect(d).toMatchObject({ owner: 'w1', attempts: 1, version: 2 });
    expect(await c.get('j04')).toEqual(taken[0]);
    const next = await c.claim({ filter: free, sort: [{ field: 'runAt', dir: 'asc' }], limit: 10, patch: { owner: 'w2' } });
    expect(next.map((d) => d.id)).toEqual(['j02', 'j01', 'j00']);
    expect(await c.claim({ filter: free, limit: 1, patch: { owner: 'w3' } })).toEqual([]);
  });

  it('without a sort, takes by id', async () => {
    const c = await jobs(env.store(), 3);
    expect((await c.claim({ filter: free, limit: 2, patch: { owner: 'w' } })).map((d) => d.id)).toEqual(['j00', 'j01']);
  });

  it('concurrent claimers never take the same document', async () => {
    const c = await jobs(env.store(), 30);
    const rounds = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        c.claim({ filter: free, sort: [{ field: 'runAt', dir: 'asc' }], limit: 3, patch: { owner: `w${i}` } }),
      ),
    );
    const ids = rounds.flat().map((d) => d.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    for (const [i, round] of rounds.entries()) for (const d of round) expect((await c.get(d.id))!.owner).toBe(`w${i}`);
  });

  it('claimers on two store instances (two processes) never take the same document', async () => {
    if (!env.peer) return;
    const c = await jobs(env.store(), 40);
    const other = (await env.peer()).collection('jobs');
    const rounds = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? other : c).claim({ filter: free, limit: 3, patch: { owner: `w${i}` } })),
    );
    const ids = rounds.flat().map((d) => d.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });

  it('a unique violation fails the claim and takes nothing', async () => {
    const c = await jobs(env.store(), 3);
    await expect(c.claim({ filter: free, limit: 2, patch: { owner: 'w', key: 'same' } })).rejects.toBeInstanceOf(UniqueViolationError);
    expect(await c.count({ owner: null })).toBe(3);
    expect(await c.get('j00')).toMatchObject({ version: 1 });
  });

  it('refuses a limit outside 1..1000 and a missing filter', async () => {
    const c = await jobs(env.store(), 1);
    await expect(c.claim({ filter: free, limit: 0, patch: {} })).rejects.toBeInstanceOf(StoreError);
    await expect(c.claim({ filter: free, limit: 1001, patch: {} })).rejects.toBeInstanceOf(StoreError);
    await expect(c.claim({ limit: 1, patch: {} } as never)).rejects.toBeInstanceOf(StoreError);
  });

  it('rolls back with its transaction', async () => {
    const store = env.store();
    const c = await jobs(store, 2);
    await expect(
      store.transaction(async (tx) => {
        expect(await tx.collection('jobs').claim({ filter: free, limit: 2, patch: { owner: 'w' } })).toHaveLength(2);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await c.count({ owner: null })).toBe(2);
  });
}
