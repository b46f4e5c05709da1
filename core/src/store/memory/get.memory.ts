import type { StoredDoc } from '../store.port';
import { copyOut, liveDoc, type MemoryContext } from './memory.context';

export function get(ctx: MemoryContext, id: string): StoredDoc | null {
  if (typeof id !== 'string') return null;
  const doc = liveDoc(ctx, id);
  return doc ? copyOut(doc) : null;
}
