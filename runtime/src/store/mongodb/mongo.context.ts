import type mongoose from 'mongoose';
import type { StoredDoc } from '@tessera/core/store';
import { toStored } from '@tessera/core/store/shared';

export type MongoDoc = Record<string, unknown> & { _id: string };
export type NativeCollection = mongoose.mongo.Collection<MongoDoc>;
export type Session = mongoose.mongo.ClientSession;

/** What each method file needs: the native collection (no mongoose casting, so both adapters compare the same values) and the session of an open transaction, if any. */
export interface MongoContext {
  name: string;
  coll: NativeCollection;
  session: Session | undefined;
  /** index name -> declared fields, for duplicate-key messages */
  indexFields: ReadonlyMap<string, string[]>;
  /** Declared array fields: sorting on them is refused, as in the sqlite adapter. */
  arrayFields: ReadonlySet<string>;
  /** The collection's `search` fields (what a `$search` filter matches). */
  searchFields: readonly string[];
  /** The TTL field (CollectionSpec.expireField), if any: see ttl.mongo.ts. */
  expireField?: string;
  /** Starts a session for a transaction of the adapter's own (insertMany outside `tx`). */
  startSession(): Promise<Session>;
}

export function fromMongo(doc: MongoDoc): StoredDoc {
  const { _id, version, createdAt, updatedAt, ...rest } = doc;
  return toStored(_id, version as number, createdAt as string, updatedAt as string, rest);
}
