import type { DataPort } from '../data/data-port';
import { createRelationCache, LOOKUP_FAILED } from './relation-cache';

/** A port whose list() answers from `rows`, or fails while `down` is set. */
function fakePort(rows: Array<{ id: string; name: string }>) {
  const state = { down: false, calls: 0 };
  const port = {
    list: async (_entity: string, q: { filter: { id: { $in: string[] } } }) => {
      state.calls++;
      if (state.down) throw new Error('network down');
      return { items: rows.filter((r) => q.filter.id.$in.includes(r.id)).map((r) => ({ ...r, version: 1 })), nextCursor: null };
    },
  } as unknown as DataPort;
  return { port, state };
}

describe('relation cache', () => {
  it('batches the ids asked for together into one lookup; a record the server does not return is null (no access)', async () => {
    const { port, state } = fakePort([{ id: 'c1', name: 'Acme' }]);
    const cache = createRelationCache(port);
    const [a, b] = await Promise.all([cache.load('company', 'c1'), cache.load('company', 'c2')]);
    expect(a).toMatchObject({ name: 'Acme' });
    expect(b).toBeNull();
    expect(state.calls).toBe(1);
    expect(cache.peek('company', 'c2')).toBeNull();
  });

  it('a failed lookup is reported as failed, not as no access, and is asked again next time', async () => {
    const { port, state } = fakePort([{ id: 'c1', name: 'Acme' }]);
    const cache = createRelationCache(port);
    state.down = true;
    expect(await cache.load('company', 'c1')).toBe(LOOKUP_FAILED);
    expect(cache.peek('company', 'c1')).toBeUndefined();
    state.down = false;
    expect(await cache.load('company', 'c1')).toMatchObject({ name: 'Acme' });
    expect(state.calls).toBe(2);
  });
});
