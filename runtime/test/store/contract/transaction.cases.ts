import { expect, it } from '@jest/globals';
import { UniqueViolationError, type Store } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';
import { contacts, deferred } from './fixtures';

export function transactionCases(env: ContractEnv): void {
  it('commits every write made through tx and returns fn’s result', async () => {
    const store = env.store();
    const c = await contacts(store);
    const seed = await c.insert({ id: 's', n: 0 });
    const result = await store.transaction(async (tx) => {
      const t = tx.collection('contacts');
      await t.insert({ id: 'x', n: 1 });
      await t.update(seed.id, { n: 2 });
      expect(await t.get('x')).toMatchObject({ n: 1 }); // reads its own writes
      return 'done';
    });
    expect(result).toBe('done');
    expect(await c.get('x')).toMatchObject({ n: 1 });
    expect(await c.get('s')).toMatchObject({ n: 2, version: 2 });
  });

  it('rolls everything back when fn throws, and rethrows', async () => {
    const store = env.store();
    const c = await contacts(store);
    await c.insert({ id: 's', n: 0 });
    const boom = new Error('boom');
    await expect(
      store.transaction(async (tx) => {
        const t = tx.collection('contacts');
        await t.insert({ id: 'x' });
        await t.insertMany([{ id: 'y' }, { id: 'z' }]);
        await t.update('s', { n: 5 });
        await t.delete('s');
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await c.get('x')).toBeNull();
    expect(await c.count()).toBe(1);
    expect(await c.get('s')).toMatchObject({ n: 0, version: 1 });
  });

  it('a store error inside rolls back the earlier writes', async () => {
    const store = env.store();
    const c = await contacts(store);
    await c.insert({ email: 'taken@x.io' });
    await expect(
      store.transaction(async (tx) => {
        await tx.collection('contacts').insert({ id: 'first', email: 'free@x.io' });
        await tx.collection('contacts').insert({ email: 'taken@x.io' });
      }),
    ).rejects.toBeInstanceOf(UniqueViolationError);
    expect(await c.get('first')).toBeNull();
  });

  it('writes outside tx are not part of it, and outside reads never see uncommitted writes', async () => {
    const store = env.store();
    const c = await contacts(store);
    const inside = deferred();
    const release = deferred();
    const txDone = store.transaction(async (tx) => {
      await tx.collection('contacts').insert({ id: 'in' });
      inside.resolve();
      await release.promise;
      throw new Error('rollback');
    });
    await inside.promise;
    const outsideWrite = c.insert({ id: 'out' });
    const outsideRead = c.get('in');
    release.resolve();
    await expect(txDone).rejects.toThrow('rollback');
    await outsideWrite;
    expect(await outsideRead).toBeNull();
    expect(await c.get('out')).not.toBeNull();
    expect(await c.get('in')).toBeNull();
  });

  it('the tx handle is unusable after the transaction ends', async () => {
    const store = env.store();
    await contacts(store);
    let saved: Store | null = null;
    await store.transaction(async (tx) => {
      saved = tx;
    });
    await expect(saved!.collection('contacts').insert({ id: 'late' })).rejects.toThrow();
    expect(await store.collection('contacts').get('late')).toBeNull();
  });

  it('concurrent transactions each commit', async () => {
    const store = env.store();
    const c = await contacts(store);
    await Promise.all(
      [1, 2, 3].map((i) =>
        store.transaction(async (tx) => {
          await tx.collection('contacts').insert({ id: `t${i}` });
        }),
      ),
    );
    expect(await c.count()).toBe(3);
  });

  it('among concurrent transactions a failing one loses only its own writes', async () => {
    const store = env.store();
    const c = await contacts(store);
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((i) =>
        store.transaction(async (tx) => {
          await tx.collection('contacts').insert({ id: `ok${i}` });
          if (i % 2 === 0) {
            await tx.collection('contacts').insert({ id: `bad${i}` });
            throw new Error(`transaction ${i} gives up`);
          }
          return i;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      1,
      'transaction 2 gives up',
      3,
      'transaction 4 gives up',
      5,
    ]);
    const ids = (await c.find({ sort: [{ field: 'id', dir: 'asc' }] })).items.map((d) => d.id);
    expect(ids).toEqual(['ok1', 'ok3', 'ok5']);
  });
}
