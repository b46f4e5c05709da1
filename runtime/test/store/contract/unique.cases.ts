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

  it('an ignoreCase unique field refuses a value that differs only in letter case, and keeps values as typed', async () => {
    const c = await env.store().ensureCollection({
      name: 'people_ci',
      fields: [{ name: 'email', kind: 'string', unique: true, ignoreCase: true }],
    });
    const ann = await c.insert({ email: 'Ann@Example.com' });
    for (const email of ['ann@example.com', 'ANN@EXAMPLE.COM'])
      await expect(c.insert({ email })).rejects.toMatchObject({ name: 'UniqueViolationError', fields: ['email'] });
    await c.insert({ email: 'Zoë@example.com' });
    await expect(c.insert({ email: 'ZOË@EXAMPLE.COM' })).rejects.toBeInstanceOf(UniqueViolationError); // beyond ASCII too
    await c.insert({ email: 'bob@example.com' });
    await expect(
      c.update((await c.find({ filter: { email: 'bob@example.com' } })).items[0].id, { email: 'ANN@example.com' }),
    ).rejects.toBeInstanceOf(UniqueViolationError);
    expect(await c.get(ann.id)).toMatchObject({ email: 'Ann@Example.com' });
    expect(await c.count()).toBe(3);
  });

  it('an ignoreCase unique field cannot be added over values that differ only in case, and nothing changes', async () => {
    const spec = { name: 'people_ci2', fields: [{ name: 'email', kind: 'string' as const, unique: true }] };
    const c = await env.store().ensureCollection(spec);
    await c.insert({ email: 'ann@example.com' });
    await c.insert({ email: 'ANN@example.com' }); // unique as typed: allowed
    const err = await env
      .store()
      .ensureCollection({ ...spec, fields: [{ ...spec.fields[0], ignoreCase: true }] })
      .catch((e) => e);
    expect(err).toBeInstanceOf(UniqueViolationError);
    // The case-sensitive uniqueness still holds.
    await expect((await env.store().ensureCollection(spec)).insert({ email: 'ann@example.com' })).rejects.toBeInstanceOf(
      UniqueViolationError,
    );
    expect(await c.count()).toBe(2);
  });

  it('refuses ignoreCase on a field that is not a unique string', async () => {
    await expect(
      env.store().ensureCollection({ name: 'bad_ci', fields: [{ name: 'n', kind: 'number', unique: true, ignoreCase: true }] }),
    ).rejects.toThrow(/ignoreCase needs a unique string field/);
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
