/**
 * Display values of related records. A table of 25 contacts shows 25 company names: the ids
 * asked for in one render are batched into one `id $in [...]` list per entity, and cached.
 */
import type { DataPort, RecordData } from '../data/data-port';

export interface RelationCache {
  load(entity: string, id: string): Promise<RecordData | null>;
  peek(entity: string, id: string): RecordData | null | undefined;
  /** Forget one record (a live update changed it) or everything. */
  invalidate(entity?: string, id?: string): void;
}

export function createRelationCache(port: DataPort): RelationCache {
  const cache = new Map<string, Promise<RecordData | null>>();
  const resolved = new Map<string, RecordData | null>();
  let pending = new Map<string, Map<string, Array<(r: RecordData | null) => void>>>();
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
          .catch(() => chunk.forEach((id) => waiters.get(id)!.forEach((w) => w(null))));
      }
    }
  }

  return {
    load(entity, id) {
      const key = `${entity}\u0000${id}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const promise = new Promise<RecordData | null>((resolve) => {
        const waiters = pending.get(entity) ?? new Map<string, Array<(r: RecordData | null) => void>>();
        pending.set(entity, waiters);
        waiters.set(id, [...(waiters.get(id) ?? []), resolve]);
        if (!scheduled) {
          scheduled = true;
          setTimeout(flush, 0);
        }
      }).then((r) => {
        resolved.set(key, r);
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
