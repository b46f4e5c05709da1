import type { UpdateOptions } from '../store.port';
import type { MemoryContext } from './memory.context';
import { target } from './update.memory';

export function remove(ctx: MemoryContext, id: string, options?: UpdateOptions): void {
  target(ctx, id, options);
  ctx.docs.delete(id);
}
