import type { AggregateOptions, AggregateRow } from '@tessera/core/store';
import { normalizeAggregate } from '@tessera/core/query';
import type { MongoContext } from './mongo.context';
import { buildPipeline, toRows } from './aggregate.mongo';
import { notExpired } from './ttl.mongo';

export async function aggregate(ctx: MongoContext, options: AggregateOptions): Promise<AggregateRow[]> {
  const q = normalizeAggregate(options);
  const pipeline = buildPipeline(q, ctx.searchFields);
  const match = pipeline[0] as { $match: Record<string, unknown> };
  match.$match = notExpired(ctx.expireField, match.$match, new Date().toISOString());
  const docs = await ctx.coll.aggregate(pipeline, { session: ctx.session }).toArray();
  return toRows(q, docs);
}
