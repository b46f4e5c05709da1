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
} from '@tessera/core/store';
import type { SqliteContext } from './sqlite.context';
import { insert, insertMany } from './insert.sqlite';
import { get } from './get.sqlite';
import { update } from './update.sqlite';
import { remove } from './delete.sqlite';
import { find } from './find.sqlite';
import { count } from './count.sqlite';
import { aggregate } from './aggregate.sqlite';
import { upsert } from './upsert.sqlite';
import { updateMany } from './update-many.sqlite';
import { deleteMany } from './delete-many.sqlite';
import { claim } from './claim.sqlite';

/** Runs one synchronous operation: through the gate for the store, directly for a `tx`. */
export type Runner = <T>(op: () => T) => T | Promise<T>;

/**
 * The port's Collection over one table. Each method is a thin async wrapper around the
 * synchronous implementation in its own file; `ctx` is shared so a re-ensured spec (new
 * indexes, array fields) is seen by every handle.
 */
export class SqliteCollection implements Collection {
  constructor(
    private readonly holder: { ctx: SqliteContext },
    private readonly run: Runner,
  ) {}

  get name(): string {
    return this.holder.ctx.name;
  }

  async insert(doc: Doc): Promise<StoredDoc> {
    return this.run(() => insert(this.holder.ctx, doc));
  }

  async insertMany(docs: Doc[], options?: InsertManyOptions): Promise<number> {
    return this.run(() => insertMany(this.holder.ctx, docs, options));
  }

  async get(id: string): Promise<StoredDoc | null> {
    return this.run(() => get(this.holder.ctx, id));
  }

  async update(id: string, patch: Doc, options?: UpdateOptions): Promise<StoredDoc> {
    return this.run(() => update(this.holder.ctx, id, patch, options, false));
  }

  async replace(id: string, doc: Doc, options?: UpdateOptions): Promise<StoredDoc> {
    return this.run(() => update(this.holder.ctx, id, doc, options, true));
  }

  async delete(id: string, options?: UpdateOptions): Promise<void> {
    return this.run(() => remove(this.holder.ctx, id, options));
  }

  async find(options?: FindOptions): Promise<Page> {
    return this.run(() => find(this.holder.ctx, options));
  }

  async count(filter?: Filter, options?: CountOptions): Promise<number> {
    return this.run(() => count(this.holder.ctx, filter, options));
  }

  async aggregate(options: AggregateOptions): Promise<AggregateRow[]> {
    return this.run(() => aggregate(this.holder.ctx, options));
  }

  async upsert(id: string, patch: Doc, options?: UpsertOptions): Promise<UpsertResult> {
    return this.run(() => upsert(this.holder.ctx, id, patch, options));
  }

  async updateMany(filter: Filter, patch: Doc): Promise<number> {
    return this.run(() => updateMany(this.holder.ctx, filter, patch));
  }

  async deleteMany(filter: Filter): Promise<number> {
    return this.run(() => deleteMany(this.holder.ctx, filter));
  }

  async claim(options: ClaimOptions): Promise<StoredDoc[]> {
    return this.run(() => claim(this.holder.ctx, options));
  }
}
