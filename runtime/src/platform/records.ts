import { createRecordValidator, type AppDefinition, type Entity, type Field } from '@tessera/schemas';
import type { Collection, Doc, FindOptions, Page, Store, StoredDoc } from '../store/store.port';
import { InvalidQueryError, NotFoundError, UniqueViolationError, VersionConflictError } from '../store/store.errors';
import { badRequest, conflict, notFound, preconditionFailed, unprocessable } from '../http/problem';
import { evaluateExpression, isExpression } from '../expressions/evaluate';
import type { Apps } from './apps';
import type { Principal } from './accounts';
import { defaultOf, recordCollectionName } from './storage-plan';
import { addComputedFields, addRollups } from './record-enrichment';

interface Target {
  definition: AppDefinition;
  entity: Entity;
  collection: Collection;
}

type RelationField = Extract<Field, { type: 'relation' }>;

/**
 * The records of published apps: validation against the entity, defaults, relation integrity,
 * computed fields and rollups, optimistic concurrency. HTTP-agnostic; routes call it.
 */
export class Records {
  constructor(
    private readonly store: Store,
    private readonly apps: Apps,
    private readonly log: { warn: (obj: object, msg: string) => void } = console,
  ) {}

  /** Resolved once per published definition: every request of the records API starts here. */
  private readonly targets = new WeakMap<AppDefinition, Map<string, Target>>();

  async target(appId: string, entityId: string): Promise<Target> {
    const published = await this.apps.getPublished(appId);
    if (!published) throw notFound(`app "${appId}" does not exist or is not published`);
    const { definition } = published;
    let byEntity = this.targets.get(definition);
    if (!byEntity) this.targets.set(definition, (byEntity = new Map()));
    let target = byEntity.get(entityId);
    if (!target) {
      const entity = definition.entities.find((e) => e.id === entityId);
      if (!entity) throw notFound(`app "${appId}" has no entity "${entityId}"`);
      target = { definition, entity, collection: this.store.collection(recordCollectionName(appId, entity.id)) };
      byEntity.set(entityId, target);
    }
    return target;
  }

  async list(appId: string, entityId: string, options: FindOptions): Promise<Page> {
    const t = await this.target(appId, entityId);
    const page = await queryErrors(() => t.collection.find(options));
    return { items: await this.enrich(t, page.items), nextCursor: page.nextCursor };
  }

  async count(appId: string, entityId: string, filter: FindOptions['filter']): Promise<number> {
    const t = await this.target(appId, entityId);
    return queryErrors(() => t.collection.count(filter));
  }

  async get(appId: string, entityId: string, id: string): Promise<StoredDoc> {
    const t = await this.target(appId, entityId);
    const doc = await t.collection.get(id);
    if (!doc) throw notFound(`${entityId} "${id}" does not exist`);
    return (await this.enrich(t, [doc]))[0];
  }

  async create(appId: string, entityId: string, body: unknown, principal: Principal | null): Promise<StoredDoc> {
    const t = await this.target(appId, entityId);
    const input = await this.withDefaults(t.entity, body, principal);
    const checked = createRecordValidator(t.entity, 'create')(input);
    if (!checked.ok) throw unprocessable(`the ${entityId} is not valid`, checked.errors);
    await this.checkRelations(t, input as Doc);
    const doc = await writeErrors(t.entity, () => t.collection.insert({ ...(input as Doc), createdBy: principal?.user.id ?? null }));
    return (await this.enrich(t, [doc]))[0];
  }

  async update(appId: string, entityId: string, id: string, body: unknown, expectedVersion?: number): Promise<StoredDoc> {
    const t = await this.target(appId, entityId);
    const checked = createRecordValidator(t.entity, 'update')(body);
    if (!checked.ok) throw unprocessable(`the ${entityId} change is not valid`, checked.errors);
    await this.checkRelations(t, body as Doc);
    const doc = await writeErrors(t.entity, () => t.collection.update(id, body as Doc, { expectedVersion }));
    return (await this.enrich(t, [doc]))[0];
  }

  /** Applies each relation's `onDelete` (restrict by default) to records that point here, atomically with the delete. */
  async delete(appId: string, entityId: string, id: string, expectedVersion?: number): Promise<void> {
    const t = await this.target(appId, entityId);
    if (!(await t.collection.get(id))) throw notFound(`${entityId} "${id}" does not exist`);
    const incoming = t.definition.entities.flatMap((e) =>
      e.fields.filter((f): f is RelationField => f.type === 'relation' && f.to === entityId).map((field) => ({ entity: e, field })),
    );
    await writeErrors(t.entity, () =>
      this.store.transaction(async (tx) => {
        for (const { entity, field } of incoming) {
          const refs = tx.collection(recordCollectionName(appId, entity.id));
          const filter = { [field.id]: id };
          const mode = field.onDelete ?? 'restrict';
          if (mode === 'restrict') {
            const n = await refs.count(filter);
            if (n > 0) throw conflict(`${entityId} "${id}" is used by ${n} ${entity.id} record(s) (${field.id}); remove those links first`);
            continue;
          }
          for (;;) {
            const page = await refs.find({ filter, limit: 500 });
            if (!page.items.length) break;
            for (const ref of page.items) {
              if (mode === 'cascade') await refs.delete(ref.id);
              else {
                const value = ref[field.id];
                await refs.update(ref.id, { [field.id]: Array.isArray(value) ? value.filter((v) => v !== id) : null });
              }
            }
          }
        }
        await tx.collection(t.collection.name).delete(id, { expectedVersion });
      }),
    );
  }

  private async enrich(t: Target, docs: StoredDoc[]): Promise<StoredDoc[]> {
    if (!hasDerivedFields(t.entity)) return docs; // the common case: nothing to evaluate
    const withRollups = await addRollups(this.store, t.definition.id, t.entity, docs);
    return Promise.all(
      withRollups.map((d) =>
        addComputedFields(t.entity, d, (field, err) => this.log.warn({ app: t.definition.id, entity: t.entity.id, field, err: String(err) }, 'computed field failed')),
      ),
    );
  }

  /** Fills fields the client left out that have a default (a literal or an expression of `now` and `user`). */
  private async withDefaults(entity: Entity, body: unknown, principal: Principal | null): Promise<unknown> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
    const out: Doc = { ...(body as Doc) };
    for (const field of entity.fields) {
      const fallback = defaultOf(field);
      if (out[field.id] !== undefined || fallback === undefined) continue;
      if (!isExpression(fallback)) {
        out[field.id] = structuredClone(fallback);
        continue;
      }
      const context = { now: new Date().toISOString(), user: principal ? { id: principal.user.id, email: principal.user.email } : null };
      try {
        out[field.id] = await evaluateExpression(fallback.$expr, context);
      } catch (err) {
        throw unprocessable(`the default of ${entity.id}.${field.id} failed: ${(err as Error).message}`, [
          { pointer: `/${field.id}`, message: `default expression failed: ${(err as Error).message}` },
        ]);
      }
    }
    return out;
  }

  /** A relation must point at a record that exists. */
  private async checkRelations(t: Target, input: Doc): Promise<void> {
    const errors: Array<{ pointer: string; message: string }> = [];
    for (const field of t.entity.fields) {
      if (field.type !== 'relation' || input[field.id] === undefined || input[field.id] === null) continue;
      const ids = (Array.isArray(input[field.id]) ? input[field.id] : [input[field.id]]) as string[];
      const target = this.store.collection(recordCollectionName(t.definition.id, field.to));
      for (const [i, id] of ids.entries()) {
        if (!(await target.get(id))) {
          errors.push({ pointer: `/${field.id}${Array.isArray(input[field.id]) ? `/${i}` : ''}`, message: `no ${field.to} with id "${id}"` });
        }
      }
    }
    if (errors.length) throw unprocessable(`the ${t.entity.id} links to records that do not exist`, errors);
  }
}

const derived = new WeakMap<Entity, boolean>();

/** Whether an entity has computed or rollup fields (cached per definition object). */
function hasDerivedFields(entity: Entity): boolean {
  let has = derived.get(entity);
  if (has === undefined) {
    has = entity.fields.some((f) => f.type === 'computed' || f.type === 'rollup');
    derived.set(entity, has);
  }
  return has;
}

async function queryErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof InvalidQueryError) throw badRequest(err.message, [{ pointer: err.path, message: err.message }]);
    throw err;
  }
}

/** Store errors become the HTTP problems a client can act on. */
async function writeErrors<T>(entity: Entity, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof UniqueViolationError) {
      throw conflict(`another ${entity.id} already has this ${err.fields.join(' + ')}`, {
        errors: err.fields.map((f) => ({ pointer: `/${f}`, message: 'must be unique' })),
      });
    }
    if (err instanceof VersionConflictError) {
      throw preconditionFailed(`the ${entity.id} was changed by someone else (now version ${err.actual}); reload it and try again`, {
        currentVersion: err.actual,
      });
    }
    if (err instanceof NotFoundError) throw notFound(`${entity.id} "${err.id}" does not exist`);
    throw err;
  }
}
