import { expect, it } from '@jest/globals';
import { StoreError, UniqueViolationError, type CollectionSpec } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';
import { CONTACTS, contacts, seeded } from './fixtures';

const V1: CollectionSpec = {
  name: 'deals',
  fields: [
    { name: 'title', kind: 'string' },
    { name: 'code', kind: 'string' },
  ],
};

export function schemaCases(env: ContractEnv): void {
  it('is idempotent and keeps documents', async () => {
    const store = env.store();
    const c = await seeded(store);
    const again = await store.ensureCollection(CONTACTS);
    expect(again.name).toBe('contacts');
    expect(await again.count()).toBe(5);
    await expect(again.insert({ email: 'ann@x.io' })).rejects.toBeInstanceOf(UniqueViolationError);
    expect(await c.count()).toBe(5);
  });

  it('adds and drops indexes without losing data', async () => {
    const store = env.store();
    const v1 = await store.ensureCollection(V1);
    await v1.insertMany(Array.from({ length: 30 }, (_, i) => ({ title: `t${i % 10}`, code: `c${i}` })));
    const v2 = await store.ensureCollection({
      ...V1,
      fields: [
        { name: 'title', kind: 'string', indexed: true },
        { name: 'code', kind: 'string', unique: true },
      ],
    });
    expect(await v2.count()).toBe(30);
    expect(await v2.count({ title: 't3' })).toBe(3);
    await expect(v2.insert({ code: 'c1' })).rejects.toMatchObject({ fields: ['code'] });
    await expect(v1.insert({ code: 'c2' })).rejects.toBeInstanceOf(UniqueViolationError); // old handles see the new spec
    const v3 = await store.ensureCollection(V1);
    await v3.insert({ code: 'c1' }); // unique index dropped
    expect(await v3.count()).toBe(31);
  });

  it('refuses a new unique index on duplicate data and changes nothing', async () => {
    const store = env.store();
    const withEmail: CollectionSpec = { ...V1, fields: [...V1.fields, { name: 'email', kind: 'string', unique: true }] };
    const c = await store.ensureCollection(withEmail);
    await c.insertMany([
      { title: 'same', email: 'a' },
      { title: 'same', email: 'b' },
    ]);
    const bad: CollectionSpec = {
      ...V1,
      fields: [
        { name: 'title', kind: 'string', unique: true },
        { name: 'code', kind: 'string', indexed: true },
      ],
    };
    const err = await store.ensureCollection(bad).catch((e) => e);
    expect(err).toBeInstanceOf(UniqueViolationError);
    expect(err.fields).toEqual(['title']);
    const after = store.collection('deals');
    expect(await after.count()).toBe(2);
    await expect(after.insert({ email: 'a' })).rejects.toMatchObject({ fields: ['email'] }); // old unique index kept
    await after.insert({ title: 'same' }); // the refused index does not exist
  });

  it('lists, reopens and drops collections', async () => {
    const store = env.store();
    await contacts(store);
    await store.ensureCollection(V1);
    expect(await store.listCollections()).toEqual(['contacts', 'deals']);
    await store.collection('deals').insert({ title: 'x' });
    await store.dropCollection('deals');
    expect(await store.listCollections()).toEqual(['contacts']);
    const fresh = await store.ensureCollection(V1);
    expect(await fresh.count()).toBe(0);
    await store.dropCollection('never_existed');
  });

  it('refuses bad collection names and bad specs', async () => {
    const store = env.store();
    for (const name of ['bad-name', 'a;drop', '', 'sqlite_master', '__x', 'with space']) {
      await expect(store.ensureCollection({ name, fields: [] })).rejects.toBeInstanceOf(StoreError);
    }
    expect(() => store.collection('a"b')).toThrow(StoreError);
    await expect(store.ensureCollection({ name: 'x', fields: [{ name: 'a.b', kind: 'string' }] })).rejects.toBeInstanceOf(StoreError);
    await expect(store.ensureCollection({ name: 'x', fields: [{ name: 'a', kind: 'blob' as 'json' }] })).rejects.toBeInstanceOf(StoreError);
    await expect(store.ensureCollection({ name: 'x', fields: [{ name: 'tags', kind: 'array', unique: true }] })).rejects.toBeInstanceOf(
      StoreError,
    );
  });
}
