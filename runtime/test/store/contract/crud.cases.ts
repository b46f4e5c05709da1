import { expect, it } from '@jest/globals';
import { NotFoundError, StoreError, VersionConflictError } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';
import { contacts } from './fixtures';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export function crudCases(env: ContractEnv): void {
  it('insert sets id, version 1 and timestamps; get returns the same document', async () => {
    const c = await contacts(env.store());
    const doc = await c.insert({ name: 'Ann', score: 3, meta: { a: [1, { b: true }] } });
    expect(doc.id).toMatch(/^[0-9a-z]{26}$/);
    expect(doc.version).toBe(1);
    expect(doc.createdAt).toMatch(ISO);
    expect(doc.updatedAt).toBe(doc.createdAt);
    expect(await c.get(doc.id)).toEqual(doc);
    expect(await c.get('nope')).toBeNull();
  });

  it('generated ids are unique and time-ordered', async () => {
    const c = await contacts(env.store());
    const made = [];
    for (let i = 0; i < 50; i++) made.push((await c.insert({ n: i })).id);
    expect(new Set(made).size).toBe(50);
    expect([...made].sort()).toEqual(made);
  });

  it('keeps a caller-supplied id and ignores system fields in the input', async () => {
    const c = await contacts(env.store());
    const doc = await c.insert({ id: 'acme-1', version: 99, createdAt: 'x', updatedAt: 'y', name: 'Acme' });
    expect(doc).toMatchObject({ id: 'acme-1', version: 1, name: 'Acme' });
    expect(doc.createdAt).toMatch(ISO);
    await expect(c.insert({ id: 'bad id/..' })).rejects.toBeInstanceOf(StoreError);
  });

  it('refuses field names that are not identifiers', async () => {
    const c = await contacts(env.store());
    await expect(c.insert({ $set: 1 })).rejects.toBeInstanceOf(StoreError);
    await expect(c.insert({ 'a.b': 1 })).rejects.toBeInstanceOf(StoreError);
    expect(await c.count()).toBe(0);
  });

  it('update shallow-merges: undefined leaves alone, null stores null, system fields ignored', async () => {
    const c = await contacts(env.store());
    const doc = await c.insert({ a: 1, b: 2, meta: { x: 1, y: 2 } });
    const up = await c.update(doc.id, { a: undefined, b: null, c: 'new', meta: { x: 9 }, version: 50, id: 'zzz' });
    expect(up).toMatchObject({ id: doc.id, a: 1, b: null, c: 'new', meta: { x: 9 }, version: 2, createdAt: doc.createdAt });
    expect(up.updatedAt >= doc.updatedAt).toBe(true);
    expect(await c.get(doc.id)).toEqual(up);
  });

  it('replace replaces every non-system field', async () => {
    const c = await contacts(env.store());
    const doc = await c.insert({ a: 1, b: 2 });
    const r = await c.replace(doc.id, { c: 3 });
    expect(r).toEqual({ id: doc.id, c: 3, version: 2, createdAt: doc.createdAt, updatedAt: r.updatedAt });
    expect(await c.get(doc.id)).toEqual(r);
  });

  it('update, replace and delete of a missing id throw NotFoundError', async () => {
    const c = await contacts(env.store());
    await expect(c.update('missing', { a: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.replace('missing', { a: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.delete('missing')).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.update('missing', { a: 1 }, { expectedVersion: 1 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('expectedVersion guards update, replace and delete', async () => {
    const c = await contacts(env.store());
    const doc = await c.insert({ a: 1 });
    expect((await c.update(doc.id, { a: 2 }, { expectedVersion: 1 })).version).toBe(2);
    const err = await c.update(doc.id, { a: 3 }, { expectedVersion: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(VersionConflictError);
    expect(err).toMatchObject({ expected: 1, actual: 2, id: doc.id });
    await expect(c.replace(doc.id, { a: 4 }, { expectedVersion: 7 })).rejects.toMatchObject({ actual: 2 });
    await expect(c.delete(doc.id, { expectedVersion: 1 })).rejects.toBeInstanceOf(VersionConflictError);
    expect(await c.get(doc.id)).toMatchObject({ a: 2, version: 2 });
    expect((await c.replace(doc.id, { a: 5 }, { expectedVersion: 2 })).version).toBe(3);
    await c.delete(doc.id, { expectedVersion: 3 });
    expect(await c.get(doc.id)).toBeNull();
  });

  it('delete removes the document', async () => {
    const c = await contacts(env.store());
    const doc = await c.insert({ a: 1 });
    await c.delete(doc.id);
    expect(await c.get(doc.id)).toBeNull();
    expect(await c.count()).toBe(0);
  });

  it('insertMany with keepSystemFields keeps ids, versions and timestamps (records moved between collections)', async () => {
    const c = await contacts(env.store());
    const moved = { id: 'moved-1', version: 7, createdAt: '2024-01-02T03:04:05.000Z', updatedAt: '2025-06-07T08:09:10.000Z', name: 'Ann' };
    expect(await c.insertMany([moved], { keepSystemFields: true })).toBe(1);
    expect(await c.get('moved-1')).toEqual(moved);
    const next = await c.update('moved-1', { name: 'Bo' }, { expectedVersion: 7 });
    expect(next.version).toBe(8);
    await expect(c.insertMany([{ id: 'moved-2', name: 'no version' }], { keepSystemFields: true })).rejects.toBeInstanceOf(StoreError);
    expect(await c.get('moved-2')).toBeNull();
  });

  it('insertMany inserts a large batch in one go', async () => {
    const c = await contacts(env.store());
    const docs = Array.from({ length: 20000 }, (_, i) => ({ name: `n${i}`, score: i % 100, tags: ['t'] }));
    const t0 = Date.now();
    expect(await c.insertMany(docs)).toBe(20000);
    expect(Date.now() - t0).toBeLessThan(15000);
    expect(await c.count()).toBe(20000);
    expect(await c.count({ score: 42 })).toBe(200);
    expect(await c.insertMany([])).toBe(0);
  });
}
