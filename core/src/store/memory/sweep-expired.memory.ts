import { isExpired, type Collections } from './memory.context';

/** Deletes the expired documents of every collection with an expireField. */
export function sweepExpired(collections: Collections, now: Date = new Date()): number {
  const at = now.getTime();
  let n = 0;
  for (const ctx of collections.values()) {
    if (!ctx.spec.raw.expireField) continue;
    for (const d of [...ctx.docs.values()]) {
      if (isExpired(ctx, d, at)) {
        ctx.docs.delete(d.id);
        n++;
      }
    }
  }
  return n;
}
