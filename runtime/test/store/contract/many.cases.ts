import { expect, it } from '@jest/globals';
import { StoreError, UniqueViolationError } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';
import { seeded } from './fixtures';

export function manyCases(env: ContractEnv): void {
  it('updateMany patches every matching document (version + 1, updatedAt), returns how many, leaves the rest', async () => {
    const c = await seeded(env.store());
    const before = await c.get('a');
    await new Promise((r) => setTimeout(r, 5));
    const n = await c.updateMany({ status: 'open' }, { flagged: true, hits: { $inc: 2 }, id: 'ignored', version: 99 });
    expect(n).toBe(3);
    for (const id of ['a', 'c', 'd']) expect(await c.get(id)).toMatchObject({ id, flagged: true, hits: 2, version: 2 });
    expect((await c.get('a'))!.updatedAt > before!.updatedAt).toBe(true);
    expect((await c.get('a'))!.createdAt).toBe(before!.createdAt);
    expect(await c.get('b')).not.toHaveProperty('flagged');
    expect(await c.get('b')).toMatchObject({ version: 1 });
    expect(await c.updateMany({ status: 'nobody' }, { flagged: false })).toBe(0);
  });

  it('updateMany is all or nothing: a unique violation on one document changes none', async () => {
    const c = await seeded(env.store());
    await expect(c.updateMany({ status: 'open' }, { email: 'same@x.io' })).rejects.toBeInstanceOf(UniqueViolationError);
    expect(await c.count({ email: 'same@x.io' })).toBe(0);
    expect(await c.get('a')).toMatchObject({ email: 'ann@x.io', version: 1 });
  });

  it('deleteMany deletes every matching document and returns how many', async () => {
    const c = await seeded(env.store());
    expect(await c.deleteMany({ vip: true })).toBe(2);
    expect(await c.get('a')).toBeNull();
    expect(await c.count()).toBe(3);
    expect(await c.deleteMany({ vip: true })).toBe(0);
    expect(await c.deleteMany({})).toBe(3);
    expect(await c.count()).toBe(0);
  });

  it('refuse a missing filter ({} means every document) and a patch that is not an object', async () => {
    const c = await seeded(env.store());
    await expect(c.deleteMany(undefined as never)).rejects.toBeInstanceOf(StoreError);
    await expect(c.updateMany(undefined as never, { x: 1 })).rejects.toBeInstanceOf(StoreError);
    await expect(c.updateMany({}, null as never)).rejects.toBeInstanceOf(StoreError);
    expect(await c.count()).toBe(5);
  });

  it('a patch of many fields, plain and $inc, applies whole', async () => {
    const c = await seeded(env.store());
    const patch: Record<string, unknown> = {};
    for (let i = 0; i < 80; i++) patch[`f${i}`] = i % 2 ? { $inc: i } : `v${i}`;
    expect(await c.updateMany({ id: 'a' }, patch)).toBe(1);
    expect(await c.updateMany({ id: 'a' }, patch)).toBe(1);
    const doc = (await c.get('a'))!;
    for (let i = 0; i < 80; i++) expect(doc[`f${i}`]).toEqual(i % 2 ? 2 * i : `v${i}`);
    expect(doc).toMatchObject({ name: 'Ann', version: 3 });
  });

  it('both roll back with their transaction', async () => {
    const store = env.store();
    const c = await seeded(store);
    await expect(
      store.transaction(async (tx) => {
        const t = tx.collection('contacts');
        expect(await t.updateMany({ status: 'open' }, { status: 'done' })).toBe(3);
        expect(await t.deleteMany({ status: 'done' })).toBe(3);
        expect(await t.count()).toBe(2);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await c.count({ status: 'open' })).toBe(3);
  });
}
