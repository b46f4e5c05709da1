import { expect, it } from '@jest/globals';
import { StoreError } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';
import { contacts } from './fixtures';

export function incCases(env: ContractEnv): void {
  it('update adds to the stored number; missing and null count as 0; plain values beside it are set', async () => {
    const c = await contacts(env.store());
    await c.insert({ id: 'a', n: 2, m: null, name: 'x' });
    const after = await c.update('a', { n: { $inc: 3 }, m: { $inc: -1 }, fresh: { $inc: 0.5 }, name: 'y' });
    expect(after).toMatchObject({ id: 'a', n: 5, m: -1, fresh: 0.5, name: 'y', version: 2 });
    expect(await c.get('a')).toMatchObject({ n: 5, m: -1, fresh: 0.5, name: 'y', version: 2 });
    expect(await c.count({ n: 5 })).toBe(1); // stored as a number, not as text
    expect(Number.isInteger((await c.get('a'))!.n)).toBe(true);
  });

  it('refuses $inc of a value that is not a number, and $inc of something that is not a finite number', async () => {
    const c = await contacts(env.store());
    await c.insert({ id: 'a', name: 'Ann', n: 1 });
    await expect(c.update('a', { name: { $inc: 1 } })).rejects.toBeInstanceOf(StoreError);
    await expect(c.update('a', { n: { $inc: Number.NaN } })).rejects.toBeInstanceOf(StoreError);
    await expect(c.update('a', { n: { $inc: '1' } })).rejects.toBeInstanceOf(StoreError);
    expect(await c.get('a')).toMatchObject({ name: 'Ann', n: 1, version: 1 });
  });

  it('an object with other keys than $inc is stored as given', async () => {
    const c = await contacts(env.store());
    await c.insert({ id: 'a', meta: { level: 1 } });
    expect(await c.update('a', { meta: { level: 2, note: 'x' } })).toMatchObject({ meta: { level: 2, note: 'x' } });
  });

  it('keeps expectedVersion semantics with $inc', async () => {
    const c = await contacts(env.store());
    await c.insert({ id: 'a', n: 1 });
    await expect(c.update('a', { n: { $inc: 1 } }, { expectedVersion: 5 })).rejects.toMatchObject({ name: 'VersionConflictError' });
    expect(await c.update('a', { n: { $inc: 1 } }, { expectedVersion: 1 })).toMatchObject({ n: 2, version: 2 });
    await expect(c.update('missing', { n: { $inc: 1 } })).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('N concurrent increments add exactly N', async () => {
    const c = await contacts(env.store());
    await c.insert({ id: 'hot', n: 0 });
    await Promise.all(Array.from({ length: 50 }, () => c.update('hot', { n: { $inc: 1 } })));
    expect(await c.get('hot')).toMatchObject({ n: 50, version: 51 });
  });

  it('increments from two store instances on the same data (two processes) all count', async () => {
    if (!env.peer) return;
    const c = await contacts(env.store());
    await c.insert({ id: 'hot', n: 0 });
    const other = (await env.peer()).collection('contacts');
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? other : c).update('hot', { n: { $inc: 1 } })));
    expect(await c.get('hot')).toMatchObject({ n: 40, version: 41 });
  });
}
