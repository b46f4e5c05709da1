import type { AggregateOptions, AggregateRow } from '@tessera/core/store';
import { normalizeAggregate } from '@tessera/core/query';
import type { MongoContext } from './mongo.context';
import { buildPipeline, toRows } from './aggregate.mongo';

export async function aggregate(ctx: MongoContext, options: AggregateOptions): Promise<AggregateRow[]> {
  const q = normalizeAggregate(options);
  const docs = await ctx.coll.aggregate(buildPipeline(q, ctx.searchFields), { session: ctx.session }).toArray();
  return toRows(q, docs);
}
