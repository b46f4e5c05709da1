import { expect, it } from '@jest/globals';
import { NotFoundError, type Collection, type Store } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';

const SESSIONS = {
  name: 'sessions',
  fields: [
    { name: 'user', kind: 'string' as const, indexed: true },
    { name: 'expiresAt', kind: 'date' as const },
  ],
  expireField: 'expiresAt',
};
const PAST = '2000-01-01T00:00:00.000Z';
const FUTURE = '2999-01-01T00:00:00.000Z';

async function sessions(store: Store): Promise<Collection> {
  const c = await store.ensureCollection(SESSIONS);
  await c.insertMany([
    { id: 'old', user: 'ann', expiresAt: PAST },
    { id: 'live', user: 'ann', expiresAt: FUTURE },
    { id: 'forever', user: 'ann' },
    { id: 'nulled', user: 'bob', expiresAt: null },
  ]);
  return c;
}

export function ttlCases(env: ContractEnv): void {
  it('hides expired documents from get, find, count and aggregate', async () => {
    const c = await sessions(env.store());
    expect(await c.get('old')).toBeNull();
    expect(await c.get('live')).toMatchObject({ id: 'live' });
    expect((await c.find({ sort: [{ field: 'id', dir: 'asc' }] })).items.map((d) => d.id)).toEqual(['forever', 'live', 'nulled']);
    expect(await c.count({ user: 'ann' })).toBe(2);
    expect(await c.aggregate({ metrics: [{ op: 'count', as: 'n' }] })).toEqual([{ n: 3 }]);
  });

  it('a document disappears once its time passes', async () => {
    const c = await env.store().ensureCollection(SESSIONS);
    await c.insert({ id: 'soon', expiresAt: new Date(Date.now() + 300).toISOString() });
    expect(await c.get('soon')).not.toBeNull();
    await new Promise((r) => setTimeout(r, 400));
    expect(await c.get('soon')).toBeNull();
  });

  it('writes treat expired documents as gone; upsert replaces one with a new document', async () => {
    const c = await sessions(env.store());
    await expect(c.update('old', { user: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.delete('old')).rejects.toBeInstanceOf(NotFoundError);
    expect(await c.updateMany({ user: 'ann' }, { seen: true })).toBe(2);
    expect((await c.claim({ filter: { user: 'ann' }, limit: 10, patch: { taken: true } })).map((d) => d.id).sort()).toEqual([
      'forever',
      'live',
    ]);
    const r = await c.upsert('old', { user: 'new', expiresAt: FUTURE });
    expect(r).toMatchObject({ created: true, doc: { id: 'old', user: 'new', version: 1 } });
    expect(r.doc).not.toHaveProperty('seen');
    expect(await c.deleteMany({ user: 'ann' })).toBe(2);
  });

  it('sweepExpired deletes the expired documents of every collection and returns how many', async () => {
    const store = env.store();
    const c = await sessions(store);
    const other = await store.ensureCollection({ ...SESSIONS, name: 'tokens' });
    await other.insert({ id: 't', expiresAt: PAST });
    const plain = await store.ensureCollection({ name: 'plain', fields: [] });
    await plain.insert({ id: 'p', expiresAt: PAST }); // no expireField: never expires
    expect(await store.sweepExpired()).toBe(2);
    expect(await store.sweepExpired()).toBe(0);
    expect(await plain.get('p')).not.toBeNull();
    expect(await store.sweepExpired(new Date('3000-01-01T00:00:00Z'))).toBe(1); // `live` too, by then
    expect((await c.find()).items.map((d) => d.id).sort()).toEqual(['forever', 'nulled']);
    await c.insert({ id: 'old', expiresAt: PAST }); // the id is free again after the sweep
  });
}
