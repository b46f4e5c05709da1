import type {
  AggregateOptions,
  AggregateRow,
  ClaimOptions,
  Collection,
  CountOptions,
  Doc,
  Filter,
  FindOptions,
  InsertManyOptions,
  Page,
  StoredDoc,
  UpdateOptions,
  UpsertOptions,
  UpsertResult,
} from '../store.port';
import type { MemoryContext } from './memory.context';
import { insert, insertMany } from './insert.memory';
import { get } from './get.memory';
import { update } from './update.memory';
import { remove } from './delete.memory';
import { find } from './find.memory';
import { count } from './count.memory';
import { aggregate } from './aggregate.memory';
import { upsert } from './upsert.memory';
import { updateMany } from './update-many.memory';
import { deleteMany } from './delete-many.memory';
import { claim } from './claim.memory';

/** Runs one synchronous operation on a collection: through the gate for the store, directly for a `tx`. */
export interface CollectionHost {
  run<T>(op: () => T): Promise<T>;
  /** The collection's current state; throws when it does not exist (dropped, rolled back). */
  context(name: string): MemoryContext;
}

/**
 * The port's Collection over one memory collection, by name: each method is one synchronous
 * function in its own file, so each is atomic by construction.
 */
export class MemoryCollection implements Collection {
  constructor(
    readonly name: string,
    private readonly host: CollectionHost,
  ) {}

  private run<T>(op: (ctx: MemoryContext) => T): Promise<T> {
    return this.host.run(() => op(this.host.context(this.name)));
  }

  insert(doc: Doc): Promise<StoredDoc> {
    return this.run((ctx) => insert(ctx, doc));
  }

  insertMany(docs: Doc[], options?: InsertManyOptions): Promise<number> {
    return this.run((ctx) => insertMany(ctx, docs, options));
  }

  get(id: string): Promise<StoredDoc | null> {
    return this.run((ctx) => get(ctx, id));
  }

  update(id: string, patch: Doc, options?: UpdateOptions): Promise<StoredDoc> {
    return this.run((ctx) => update(ctx, id, patch, options, false));
  }

  replace(id: string, doc: Doc, options?: UpdateOptions): Promise<StoredDoc> {
    return this.run((ctx) => update(ctx, id, doc, options, true));
  }

  delete(id: string, options?: UpdateOptions): Promise<void> {
    return this.run((ctx) => remove(ctx, id, options));
  }

  find(options?: FindOptions): Promise<Page> {
    return this.run((ctx) => find(ctx, options));
  }

  count(filter?: Filter, options?: CountOptions): Promise<number> {
    return this.run((ctx) => count(ctx, filter, options));
  }

  aggregate(options: AggregateOptions): Promise<AggregateRow[]> {
    return this.run((ctx) => aggregate(ctx, options));
  }

  upsert(id: string, patch: Doc, options?: UpsertOptions): Promise<UpsertResult> {
    return this.run((ctx) => upsert(ctx, id, patch, options));
  }

  updateMany(filter: Filter, patch: Doc): Promise<number> {
    return this.run((ctx) => updateMany(ctx, filter, patch));
  }

  deleteMany(filter: Filter): Promise<number> {
    return this.run((ctx) => deleteMany(ctx, filter));
  }

  claim(options: ClaimOptions): Promise<StoredDoc[]> {
    return this.run((ctx) => claim(ctx, options));
  }
}
