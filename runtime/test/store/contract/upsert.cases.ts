import { expect, it } from '@jest/globals';
import { StoreError, UniqueViolationError } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';
import { contacts } from './fixtures';

export function upsertCases(env: ContractEnv): void {
  it('inserts { id, ...insert, ...patch } when the document is missing ($inc counts from 0)', async () => {
    const c = await contacts(env.store());
    const r = await c.upsert('p1', { name: 'Ann', visits: { $inc: 1 } }, { insert: { status: 'new', name: 'ignored' } });
    expect(r.created).toBe(true);
    expect(r.doc).toMatchObject({ id: 'p1', name: 'Ann', status: 'new', visits: 1, version: 1 });
    expect(r.doc.createdAt).toBe(r.doc.updatedAt);
    expect(await c.get('p1')).toEqual(r.doc);
  });

  it('updates like update when the document exists: insert fields ignored, $inc adds, version + 1', async () => {
    const c = await contacts(env.store());
    const first = await c.insert({ id: 'p1', name: 'Ann', visits: 4 });
    const r = await c.upsert('p1', { visits: { $inc: 1 }, vip: true }, { insert: { status: 'new' } });
    expect(r.created).toBe(false);
    expect(r.doc).toMatchObject({ id: 'p1', name: 'Ann', visits: 5, vip: true, version: 2, createdAt: first.createdAt });
    expect(r.doc).not.toHaveProperty('status');
    expect(await c.get('p1')).toEqual(r.doc);
  });

  it('concurrent upserts of one id create it once and apply every increment', async () => {
    const c = await contacts(env.store());
    const results = await Promise.all(Array.from({ length: 20 }, () => c.upsert('k', { hits: { $inc: 1 } })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await c.get('k')).toMatchObject({ hits: 20, version: 20 });
  });

  it('concurrent upserts from two store instances (two processes) create it once', async () => {
    if (!env.peer) return;
    const c = await contacts(env.store());
    const other = (await env.peer()).collection('contacts');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? other : c).upsert('k', { hits: { $inc: 1 } })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await c.get('k')).toMatchObject({ hits: 20 });
  });

  it('a unique violation fails the upsert and changes nothing', async () => {
    const c = await contacts(env.store());
    await c.insert({ id: 'a', email: 'a@x.io' });
    await c.insert({ id: 'b', email: 'b@x.io', n: 1 });
    await expect(c.upsert('new', { email: 'a@x.io' })).rejects.toBeInstanceOf(UniqueViolationError);
    expect(await c.get('new')).toBeNull();
    const err = await c.upsert('b', { email: 'a@x.io', n: { $inc: 1 } }).catch((e) => e);
    expect(err).toBeInstanceOf(UniqueViolationError);
    expect(err.fields).toEqual(['email']);
    expect(await c.get('b')).toMatchObject({ email: 'b@x.io', n: 1, version: 1 });
  });

  it('needs an id; rolls back with its transaction', async () => {
    const store = env.store();
    const c = await contacts(store);
    await expect(c.upsert(undefined as unknown as string, { n: 1 })).rejects.toBeInstanceOf(StoreError);
    await expect(
      store.transaction(async (tx) => {
        await tx.collection('contacts').upsert('t', { n: { $inc: 1 } });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await c.get('t')).toBeNull();
  });
}
