import { expect, it } from '@jest/globals';
import { UniqueViolationError } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';
import { contacts } from './fixtures';

export function uniqueCases(env: ContractEnv): void {
  it('a duplicate unique field fails with UniqueViolationError naming the field', async () => {
    const c = await contacts(env.store());
    await c.insert({ email: 'a@x.io' });
    const err = await c.insert({ email: 'a@x.io', name: 'dup' }).catch((e) => e);
    expect(err).toBeInstanceOf(UniqueViolationError);
    expect(err.fields).toEqual(['email']);
    expect(await c.count()).toBe(1);
  });

  it('a duplicate id fails with UniqueViolationError on id', async () => {
    const c = await contacts(env.store());
    await c.insert({ id: 'x1' });
    await expect(c.insert({ id: 'x1' })).rejects.toMatchObject({ fields: ['id'] });
  });

  it('documents without the unique field (missing or null) do not collide', async () => {
    const c = await contacts(env.store());
    await c.insert({ name: 'a' });
    await c.insert({ name: 'b' });
    await c.insert({ name: 'c', email: null });
    await c.insert({ name: 'd', email: null });
    expect(await c.count()).toBe(4);
  });

  it('compound unique indexes name all their fields', async () => {
    const c = await contacts(env.store());
    await c.insert({ company: 'acme', code: 1 });
    await c.insert({ company: 'acme', code: 2 });
    await c.insert({ company: 'other', code: 1 });
    const err = await c.insert({ company: 'acme', code: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(UniqueViolationError);
    expect(err.fields).toEqual(['company', 'code']);
    expect(await c.count()).toBe(3);
  });

  it('an update that would duplicate leaves the document unchanged', async () => {
    const c = await contacts(env.store());
    await c.insert({ email: 'a@x.io' });
    const b = await c.insert({ email: 'b@x.io', name: 'B' });
    await expect(c.update(b.id, { email: 'a@x.io', name: 'changed' })).rejects.toBeInstanceOf(UniqueViolationError);
    await expect(c.replace(b.id, { email: 'a@x.io' })).rejects.toBeInstanceOf(UniqueViolationError);
    expect(await c.get(b.id)).toEqual(b);
  });

  it('insertMany with a duplicate inside the batch writes nothing', async () => {
    const c = await contacts(env.store());
    await c.insert({ email: 'taken@x.io' });
    const batch = [{ email: '1@x.io' }, { email: '2@x.io' }, { email: 'taken@x.io' }, { email: '3@x.io' }];
    await expect(c.insertMany(batch)).rejects.toBeInstanceOf(UniqueViolationError);
    await expect(c.insertMany([{ email: 'z@x.io' }, { email: 'z@x.io' }])).rejects.toBeInstanceOf(UniqueViolationError);
    expect(await c.count()).toBe(1);
  });
}
