import type { Filter, Store } from '@tessera/core/store';
import { API_KEYS, SESSIONS } from './platform-collections';

/** A batch of parents at a time; `$in` lists stay bounded on either adapter. */
const BATCH = 500;

/**
 * Deletes the keys minted by these sessions or keys, then the keys minted by those, and so on:
 * a key never outlives the session or key that made it. Returns the ids deleted (the caller drops
 * them from its caches). A key is minted only after its parent exists and is checked again after
 * (see `Accounts.createApiKey`), so one minted while this runs is either found here or deletes itself.
 */
export async function revokeDescendants(store: Store, parents: { sessions?: string[]; keys?: string[] }): Promise<string[]> {
  const keys = store.collection(API_KEYS);
  const revoked: string[] = [];
  let sessions = parents.sessions ?? [];
  let frontier = parents.keys ?? [];
  while (sessions.length || frontier.length) {
    const or: Filter[] = [];
    for (let i = 0; i < sessions.length; i += BATCH) or.push({ createdBySession: { $in: sessions.slice(i, i + BATCH) } });
    for (let i = 0; i < frontier.length; i += BATCH) or.push({ createdByKey: { $in: frontier.slice(i, i + BATCH) } });
    const children: string[] = [];
    for (const filter of or) {
      for (;;) {
        const page = await keys.find({ filter, limit: 1000 });
        if (!page.items.length) break;
        const ids = page.items.map((d) => d.id);
        await keys.deleteMany({ id: { $in: ids } });
        children.push(...ids);
      }
    }
    revoked.push(...children);
    sessions = [];
    frontier = children;
  }
  return revoked;
}

/** Ends every session of one user but `keep` and revokes the keys they minted; returns the ids of both. */
export async function endSessionsOf(store: Store, userId: string, keep?: string): Promise<{ sessions: string[]; keys: string[] }> {
  const col = store.collection(SESSIONS);
  const ended: string[] = [];
  const filter: Filter = keep ? { userId, id: { $ne: keep } } : { userId };
  for (;;) {
    const page = await col.find({ filter, limit: 1000 });
    if (!page.items.length) break;
    const ids = page.items.map((d) => d.id);
    await col.deleteMany({ id: { $in: ids } });
    ended.push(...ids);
  }
  return { sessions: ended, keys: await revokeDescendants(store, { sessions: ended }) };
}
