/**
 * The storage port. Every adapter (sqlite, mongodb) implements exactly this interface and passes
 * the same contract suite (runtime/test/store/contract.suite.ts). Everything above the store — platform tables
 * (users, apps, versions) and app records alike — goes through it, so the whole runtime runs on
 * either adapter.
 */

/** A document as stored: plain JSON. Field names are identifiers (no `$`, no `.`). */
export type Doc = Record<string, unknown>;

/** System fields every stored document carries. `version` starts at 1 and grows by one per update. */
export interface StoredDoc extends Doc {
  id: string;
  version: number;
  createdAt: string; // ISO 8601
  updatedAt: string; // ISO 8601
}

/** A comparable scalar as it appears in filters. */
export type Scalar = string | number | boolean | null;

/** Operators allowed on one field. Anything else (e.g. `$where`, `$function`) is refused. */
export interface FieldOperators {
  $eq?: Scalar;
  $ne?: Scalar;
  $gt?: Scalar;
  $gte?: Scalar;
  $lt?: Scalar;
  $lte?: Scalar;
  $in?: Scalar[];
  $nin?: Scalar[];
  $exists?: boolean;
  $regex?: string;
  $options?: string; // only "i" is supported, with $regex
  $not?: FieldOperators;
}

/**
 * The MongoDB-style filter subset shared by every adapter, the API and the builder.
 * `{ field: scalar }` means `$eq`. A field path is `ident` or `ident.ident…` (into json fields).
 * On array-valued fields (multienum, many-relations) equality and `$in` match when any element
 * matches, as in MongoDB.
 */
export type Filter = {
  $and?: Filter[];
  $or?: Filter[];
  $nor?: never;
  /** Word-prefix text search over the collection's `search` fields (or the listed ones). */
  $search?: SearchQuery;
} & { [field: string]: Scalar | FieldOperators | Filter[] | SearchQuery | undefined };

export type SearchQuery = string | { text: string; fields?: string[] };

export interface SortKey {
  field: string;
  dir: 'asc' | 'desc';
}

export interface FindOptions {
  filter?: Filter;
  /** Ties are broken by `id` in the direction of the last key (ascending unless it is `desc`), so pages are stable. */
  sort?: SortKey[];
  /** 1..1000; adapters default to 50. */
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`; only valid with the same filter and sort. */
  cursor?: string;
}

export interface Page<T = StoredDoc> {
  items: T[];
  /** null on the last page. */
  nextCursor: string | null;
}

export type AggregateOp = 'count' | 'sum' | 'avg' | 'min' | 'max';

export interface AggregateOptions {
  filter?: Filter;
  groupBy?: string[];
  metrics: Array<{ op: AggregateOp; field?: string; as: string }>;
}

/** One row per group: the groupBy fields' values plus one property per metric (`as`). */
export type AggregateRow = Record<string, unknown>;

/** The kind of value a field holds, as far as storage cares (indexes, mongoose models). */
export type FieldKind = 'string' | 'number' | 'boolean' | 'date' | 'json' | 'array';

export interface CollectionSpec {
  /** ^[A-Za-z0-9_]+$ — adapters quote it, but refuse anything else. */
  name: string;
  /** Declared fields. Undeclared fields may still be stored and filtered (as JSON). */
  /**
   * `ignoreCase` (with `unique`): values that differ only in letter case clash too ("Ann@x.com"
   * and "ann@x.com"); the values are stored as given.
   */
  fields: Array<{ name: string; kind: FieldKind; indexed?: boolean; unique?: boolean; ignoreCase?: boolean }>;
  /** Compound indexes. */
  indexes?: Array<{ fields: string[]; unique?: boolean }>;
  /** Fields of the word-prefix text search (`$search` filters); none: `$search` is refused. */
  search?: string[];
  /**
   * Document expiry (TTL): a document whose value of this field (an ISO 8601 date-time) is at or
   * before now is expired: reads no longer return it and `Store.sweepExpired` deletes it.
   * Absent or null: the document never expires.
   */
  expireField?: string;
}

export interface CountOptions {
  /** Stop counting at this many (a positive integer). */
  limit?: number;
}

export interface InsertManyOptions {
  /**
   * Keep the documents' own `version`, `createdAt` and `updatedAt` (each must be given) instead
   * of starting at version 1 now: moving records between collections (an entity renamed on
   * publish) must not change what clients hold (ETags, "created" dates).
   */
  keepSystemFields?: boolean;
}

export interface UpdateOptions {
  /** When set and the stored version differs, the update fails with VersionConflictError. */
  expectedVersion?: number;
}

/**
 * A patch value `{ $inc: n }` (an object whose only key is `$inc`, n a finite number) adds n to
 * the stored number atomically (a missing or null value counts as 0); any other value is stored
 * as given. Allowed in `update`, `updateMany`, `upsert` and `claim` patches.
 */
export interface Increment {
  $inc: number;
}

export interface UpsertOptions {
  /** Stored only when the document is created (the patch is applied on top of it). */
  insert?: Doc;
}

export interface UpsertResult {
  doc: StoredDoc;
  created: boolean;
}

export interface ClaimOptions {
  /** Which documents may be taken. */
  filter: Filter;
  /** Which ones first (ties by id). */
  sort?: SortKey[];
  /** At most this many (1..1000). */
  limit: number;
  /** Applied to each taken document in the same atomic step (e.g. lease owner and expiry). */
  patch: Doc;
}

/** One entry of the durable change log. `seq` grows by one per entry, in commit order. */
export interface LogEntry<T = unknown> {
  seq: number;
  /** What the entry is about, e.g. `record` or `published`; readers may select topics. */
  topic: string;
  /** ISO 8601 time of the append. */
  at: string;
  data: T;
}

export interface LogReadOptions {
  /** At most this many entries (1..10000, default 1000). */
  limit?: number;
  topics?: string[];
}

/**
 * The durable change log (an outbox): writers append inside the transaction that makes the
 * change, so an entry exists exactly when its change committed; consumers read after a sequence
 * number and keep a named position that survives restarts. Entries are never rewritten; `trim`
 * removes old ones (retention). Every process sharing the store sees the same log.
 */
export interface ChangeLog {
  /** Appends in order; inside `transaction` (through `tx.log`) they commit or roll back with it. Returns the new entries. */
  append(entries: Array<{ topic: string; data: unknown }>): Promise<LogEntry[]>;
  /** Entries with seq > `afterSeq`, in seq order. */
  read(afterSeq: number, options?: LogReadOptions): Promise<LogEntry[]>;
  /** The highest seq appended and committed (0 when empty). */
  lastSeq(): Promise<number>;
  /** The oldest seq still kept (lastSeq + 1 when empty): a reader behind it has lost entries. */
  firstSeq(): Promise<number>;
  /** A named consumer's position: the last seq it has processed (0 when new). */
  position(consumer: string): Promise<number>;
  /** Saves a consumer's position; inside a transaction it commits with the consumer's own writes. */
  setPosition(consumer: string, seq: number): Promise<void>;
  /** Deletes entries with seq < `beforeSeq`; returns how many. */
  trim(beforeSeq: number): Promise<number>;
  /** Called after each local commit that appended entries (other processes' appends are seen by polling `read`). Returns unsubscribe. */
  onAppend(listener: (lastSeq: number) => void): () => void;
}

export interface Collection {
  readonly name: string;
  /** Inserts one document; `id` is generated when absent. Sets version 1 and timestamps. */
  insert(doc: Doc): Promise<StoredDoc>;
  /** Bulk insert in one transaction (all or nothing). Returns the number inserted. */
  insertMany(docs: Doc[], options?: InsertManyOptions): Promise<number>;
  get(id: string): Promise<StoredDoc | null>;
  /**
   * Shallow-merges `patch` into the document (a key set to `undefined` or absent is left alone,
   * a key set to `null` stores null); bumps version and updatedAt. System fields in the patch
   * are ignored. Throws NotFoundError, VersionConflictError, UniqueViolationError.
   */
  update(id: string, patch: Doc, options?: UpdateOptions): Promise<StoredDoc>;
  /** Replaces all non-system fields. Same errors as update. */
  replace(id: string, doc: Doc, options?: UpdateOptions): Promise<StoredDoc>;
  /** Throws NotFoundError, VersionConflictError. */
  delete(id: string, options?: UpdateOptions): Promise<void>;
  find(options?: FindOptions): Promise<Page>;
  /**
   * Matching documents; with `limit`, counting stops there (the answer is min(count, limit)), so
   * a "more than 1,000" in a list costs a bounded scan instead of one over a million rows.
   */
  count(filter?: Filter, options?: CountOptions): Promise<number>;
  aggregate(options: AggregateOptions): Promise<AggregateRow[]>;
  /** Updates (with `$inc`) the document if it exists, else inserts `{ id, ...insert, ...patch }`. Atomic. */
  upsert(id: string, patch: Doc, options?: UpsertOptions): Promise<UpsertResult>;
  /** Applies `patch` to every matching document (each gets version + 1). Returns how many. */
  updateMany(filter: Filter, patch: Doc): Promise<number>;
  /** Deletes every matching document. Returns how many. */
  deleteMany(filter: Filter): Promise<number>;
  /**
   * Takes up to `limit` matching documents and applies `patch` to them in one atomic step, so two
   * claimers (in one process or several) never take the same document. Returns them as patched.
   */
  claim(options: ClaimOptions): Promise<StoredDoc[]>;
}

export interface Store {
  /** Which adapter this is ('sqlite' | 'mongodb'). */
  readonly kind: string;
  /**
   * Creates the collection or brings it in line with the spec: adds missing indexes, drops
   * indexes no longer declared, never loses documents. Idempotent. Fails with
   * UniqueViolationError (and changes nothing) if a new unique index conflicts with existing data.
   */
  ensureCollection(spec: CollectionSpec): Promise<Collection>;
  /** A collection already ensured in this process (or existing on disk). */
  collection(name: string): Collection;
  listCollections(): Promise<string[]>;
  dropCollection(name: string): Promise<void>;
  /**
   * Runs `fn` atomically: every write made through `tx` commits together or not at all (a thrown
   * error rolls back and is rethrown). Writes outside `tx` never become part of it.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** The durable change log; `tx.log` inside a transaction appends with it. */
  readonly log: ChangeLog;
  /** Deletes expired documents (see `CollectionSpec.expireField`) of every collection; returns how many. */
  sweepExpired(now?: Date): Promise<number>;
  close(): Promise<void>;
}
