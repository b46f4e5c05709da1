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
import type { MongoContext } from './mongo.context';
import { insert, insertMany } from './insert.mongo';
import { get } from './get.mongo';
import { replace, update } from './update.mongo';
import { remove } from './delete.mongo';
import { count, find } from './find.mongo';
import { aggregate } from './aggregate.run.mongo';
import { upsert } from './upsert.mongo';
import { updateMany } from './update-many.mongo';
import { deleteMany } from './delete-many.mongo';
import { claim } from './claim.mongo';

/** The port's Collection over one MongoDB collection; `ctx.session` is set for a `tx` handle. */
export class MongoCollection implements Collection {
  constructor(private readonly ctx: MongoContext) {}

  get name(): string {
    return this.ctx.name;
  }

  insert(doc: Doc): Promise<StoredDoc> {
    return insert(this.ctx, doc);
  }

  insertMany(docs: Doc[], options?: InsertManyOptions): Promise<number> {
    return insertMany(this.ctx, docs, options);
  }

  get(id: string): Promise<StoredDoc | null> {
    return get(this.ctx, id);
  }

  update(id: string, patch: Doc, options?: UpdateOptions): Promise<StoredDoc> {
    return update(this.ctx, id, patch, options);
  }

  replace(id: string, doc: Doc, options?: UpdateOptions): Promise<StoredDoc> {
    return replace(this.ctx, id, doc, options);
  }

  delete(id: string, options?: UpdateOptions): Promise<void> {
    return remove(this.ctx, id, options);
  }

  find(options?: FindOptions): Promise<Page> {
    return find(this.ctx, options);
  }

  count(filter?: Filter, options?: CountOptions): Promise<number> {
    return count(this.ctx, filter, options);
  }

  aggregate(options: AggregateOptions): Promise<AggregateRow[]> {
    return aggregate(this.ctx, options);
  }

  upsert(id: string, patch: Doc, options?: UpsertOptions): Promise<UpsertResult> {
    return upsert(this.ctx, id, patch, options);
  }

  updateMany(filter: Filter, patch: Doc): Promise<number> {
    return updateMany(this.ctx, filter, patch);
  }

  deleteMany(filter: Filter): Promise<number> {
    return deleteMany(this.ctx, filter);
  }

  claim(options: ClaimOptions): Promise<StoredDoc[]> {
    return claim(this.ctx, options);
  }
}
