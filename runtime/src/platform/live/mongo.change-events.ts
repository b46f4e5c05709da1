import type { StoredDoc } from '@tessera/core/store';
import { fromMongo, type MongoDoc } from '../../store/mongodb/mongo.context';
import { APP_VERSIONS } from '../platform-collections';
import type { RecordChange } from './change-feed.port';

/** The part of a MongoDB change event the feed reads (the driver's ChangeStreamDocument has more). */
export interface MongoChangeEvent {
  /** The resume token. */
  _id: unknown;
  operationType: string;
  /** bson Timestamp: `t` seconds, `i` ordinal within the second. */
  clusterTime?: { t: number; i: number };
  ns?: { db: string; coll?: string };
  documentKey?: { _id: string };
  fullDocument?: MongoDoc | null;
  fullDocumentBeforeChange?: MongoDoc | null;
}

/**
 * Records collections are `r` + 12 hex digits of the app id's hash + `_` + entity id
 * (storage-plan.ts recordCollectionName); the app is found from the prefix.
 */
export const RECORD_COLLECTION = /^r[0-9a-f]{12}_/;
export const PREFIX_LENGTH = 14;

/** What the feed watches: writes to records collections, and new published versions. */
export const WATCH_PIPELINE = [
  {
    $match: {
      $or: [
        { 'ns.coll': { $regex: RECORD_COLLECTION.source }, operationType: { $in: ['insert', 'update', 'replace', 'delete'] } },
        { 'ns.coll': APP_VERSIONS, operationType: 'insert' },
      ],
    },
  },
];

export type MappedEvent =
  | { kind: 'record'; collection: string; change: Omit<RecordChange, 'appId' | 'entity'> }
  | { kind: 'published'; appId: string; version: number }
  | null;

/**
 * A change event as the feed understands it, or null for anything else. Updates carry the record
 * as it is now (`updateLookup`; null when it was deleted since: the delete follows) and, with
 * pre-images enabled, as it was. A delete without a pre-image knows only the id.
 */
export function mapChangeEvent(ev: MongoChangeEvent): MappedEvent {
  const coll = ev.ns?.coll;
  if (!coll) return null;
  if (coll === APP_VERSIONS) {
    const doc = ev.fullDocument;
    if (ev.operationType !== 'insert' || !doc || typeof doc.appId !== 'string' || typeof doc.number !== 'number') return null;
    return { kind: 'published', appId: doc.appId, version: doc.number };
  }
  if (!RECORD_COLLECTION.test(coll)) return null;
  const before = ev.fullDocumentBeforeChange ? fromMongo(ev.fullDocumentBeforeChange) : undefined;
  switch (ev.operationType) {
    case 'insert':
    case 'update':
    case 'replace': {
      if (!ev.fullDocument) return null;
      const record = fromMongo(ev.fullDocument);
      const type = ev.operationType === 'insert' ? 'created' : 'updated';
      return { kind: 'record', collection: coll, change: { type, id: record.id, version: record.version, record, ...(type === 'updated' && before ? { before } : {}) } };
    }
    case 'delete': {
      const id = ev.documentKey?._id;
      if (typeof id !== 'string') return null;
      const record: StoredDoc = before ?? { id, version: 0, createdAt: '', updatedAt: '' };
      return { kind: 'record', collection: coll, change: { type: 'deleted', id, version: record.version, record } };
    }
    default:
      return null;
  }
}

/** Sequence ids per cluster-time second: room for this many changes in one second. */
export const IDS_PER_SECOND = 2 ** 20;

/**
 * Sequence ids from the oplog's clock, so every process gives the same change the same id (a
 * client may reconnect to any of them). A change's id is `second × 2^20 + its position among the
 * changes of that second`, as `max(previous + 1, second × 2^20)`: processes agree as long as they
 * read from the start of a second (the stream opens at `Timestamp(second, 0)`) and no second has
 * more than 2^20 changes. Ids stay below 2^53 until the year 2242.
 */
export class ClusterTimeIds {
  last: number;

  constructor(startSecond: number) {
    this.last = startSecond * IDS_PER_SECOND - 1;
  }

  next(second: number): number {
    this.last = Math.max(this.last + 1, second * IDS_PER_SECOND);
    return this.last;
  }

  /** Reading starts again at `second` (after lost history); ids never go back. */
  restart(second: number): number {
    this.last = Math.max(this.last, second * IDS_PER_SECOND - 1);
    return this.last;
  }
}
