import type { MongoContext, Session } from './mongo.context';

/**
 * Runs `op` in the caller's transaction when there is one, else in a transaction of its own.
 * MongoDB transactions need a replica set (or sharded cluster); a standalone server refuses them.
 */
export async function inTransaction<T>(ctx: MongoContext, op: (session: Session) => Promise<T>): Promise<T> {
  if (ctx.session) return op(ctx.session);
  const session = await ctx.startSession();
  try {
    let result!: T;
    await session.withTransaction(async () => {
      result = await op(session);
    });
    return result;
  } finally {
    await session.endSession();
  }
}
