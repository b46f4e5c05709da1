import type { ClaimOptions, StoredDoc } from '../store.port';
import { InvalidQueryError } from '../store.errors';
import { normalizeFilter } from '../../query/filter.normalize';
import { normalizeSort } from '../../query/sort.normalize';
import { compileMemorySort } from '../../query/sort.memory';
import { LIMITS } from '../../query/query.limits';
import { copyOut, liveDocs, predicateOf, type MemoryContext } from './memory.context';
import { patched } from './patch.memory';
import { put } from './update.memory';
import { checkClaim } from '../shared/write.validate';

/** Takes the first `limit` matching documents in `sort` order and patches them in one step (trivially atomic in memory). */
export function claim(ctx: MemoryContext, options: ClaimOptions): StoredDoc[] {
  checkClaim(options); // the same argument rules as every adapter
  const { limit } = options;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > LIMITS.maxLimit) {
    throw new InvalidQueryError(`limit must be an integer from 1 to ${LIMITS.maxLimit}`, '/limit');
  }
  if (typeof options.patch !== 'object' || options.patch === null) throw new InvalidQueryError('claim needs a patch', '/patch');
  const match = predicateOf(ctx, normalizeFilter(options.filter));
  const sort = normalizeSort(options.sort, { arrayFields: ctx.spec.arrayFields });
  const taken = liveDocs(ctx).filter(match).sort(compileMemorySort(sort)).slice(0, limit);
  const now = new Date().toISOString();
  const docs = new Map(ctx.docs);
  const out = taken.map((d) => {
    const next = patched(ctx.name, d, options.patch, now);
    put(ctx, docs, next);
    return next;
  });
  ctx.docs = docs;
  return out.map(copyOut);
}
