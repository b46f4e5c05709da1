import type { MongoContext, Session } from './mongo.context';

/**
 * Runs `op` in the caller's transaction when there is one, else in a transaction of its own.
 * MongoDB transactions need a replica set (or sharded cluster); a standalone server refuses them.
 */
export async function inTransaction<T>(ctx: MongoContext, op: (session: Session) => Promise<T>): Promise<T> {
  return inSession(ctx.session, ctx.startSession, op);
}

export async function inSession<T>(
  current: Session | undefined,
  startSession: () => Promise<Session>,
  op: (session: Session) => Promise<T>,
): Promise<T> {
  if (current) return op(current);
  const session = await startSession();
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
