/**
 * Display values of related records. A table of 25 contacts shows 25 company names: the ids
 * asked for in one render are batched into one `id $in [...]` list per entity, and cached.
 */
import type { DataPort, RecordData } from '../data/data-port';

/** A lookup that failed (network, server error): not "no access", and tried again on the next load. */
export const LOOKUP_FAILED = 'failed' as const;

/** The record; `null`: the server does not return it (missing, or not the user's to read); or LOOKUP_FAILED. */
export type Related = RecordData | null | typeof LOOKUP_FAILED;

export interface RelationCache {
  load(entity: string, id: string): Promise<Related>;
  peek(entity: string, id: string): Related | undefined;
  /** Forget one record (a live update changed it) or everything. */
  invalidate(entity?: string, id?: string): void;
}

export function createRelationCache(port: DataPort): RelationCache {
  const cache = new Map<string, Promise<Related>>();
  const resolved = new Map<string, Related>();
  let pending = new Map<string, Map<string, Array<(r: Related) => void>>>();
  let scheduled = false;

  function flush() {
    scheduled = false;
    const batch = pending;
    pending = new Map();
    for (const [entity, waiters] of batch) {
      const ids = [...waiters.keys()];
      for (let i = 0; i < ids.length; i += 100) {
        const chunk = ids.slice(i, i + 100);
        port
          .list(entity, { filter: { id: { $in: chunk } }, limit: chunk.length, rollups: false })
          .then((page) => {
            const byId = new Map(page.items.map((r) => [r.id, r]));
            chunk.forEach((id) => waiters.get(id)!.forEach((w) => w(byId.get(id) ?? null)));
          })
          .catch(() => chunk.forEach((id) => waiters.get(id)!.forEach((w) => w(LOOKUP_FAILED))));
      }
    }
  }

  return {
    load(entity, id) {
      const key = `${entity}\u0000${id}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const promise = new Promise<Related>((resolve) => {
        const waiters = pending.get(entity) ?? new Map<string, Array<(r: Related) => void>>();
        pending.set(entity, waiters);
        waiters.set(id, [...(waiters.get(id) ?? []), resolve]);
        if (!scheduled) {
          scheduled = true;
          setTimeout(flush, 0);
        }
      }).then((r) => {
        if (r === LOOKUP_FAILED)
          cache.delete(key); // the next render asks again
        else resolved.set(key, r);
        return r;
      });
      cache.set(key, promise);
      return promise;
    },
    peek: (entity, id) => resolved.get(`${entity}\u0000${id}`),
    invalidate(entity, id) {
      if (!entity) {
        cache.clear();
        resolved.clear();
        return;
      }
      for (const key of [...cache.keys()]) {
        if (key.startsWith(`${entity}\u0000`) && (id === undefined || key === `${entity}\u0000${id}`)) {
          cache.delete(key);
          resolved.delete(key);
        }
      }
    },
  };
}
