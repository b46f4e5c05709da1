import type { Store } from '@tessera/core/store';
import { JOBS, type Job } from '../../../src/jobs';
import { recordCollectionName } from '../../../src/platform/storage-plan';

type Field = Record<string, unknown> & { id: string };
export type App = Record<string, unknown> & { entities: Array<Record<string, unknown> & { id: string; fields: Field[] }> };

const entityOf = (app: App, id: string) => app.entities.find((e) => e.id === id)!;

/** contactsApp with contact.lastName renamed to surname, as the builder's rename command leaves it. */
export function withSurname(app: App): App {
  const contact = entityOf(app, 'contact');
  contact.display = 'surname';
  contact.fields = contact.fields.map((f) =>
    f.id === 'lastName' ? { ...f, id: 'surname' } : f.id === 'fullName' ? { ...f, expression: { $expr: "firstName & ' ' & surname" } } : f,
  );
  return app;
}

/** contactsApp with contact renamed to person (rollups follow). */
export function withPerson(app: App): App {
  entityOf(app, 'contact').id = 'person';
  for (const e of app.entities)
    e.fields = e.fields.map((f) => (f.type === 'rollup' && f.entity === 'contact' ? { ...f, entity: 'person' } : f));
  return app;
}

/** `count` contacts with ids in insertion order (c00000…), so the first ones are the first to be moved. */
export async function seedContacts(store: Store, appId: string, count: number): Promise<void> {
  const coll = store.collection(recordCollectionName(appId, 'contact'));
  for (let from = 0; from < count; from += 5000) {
    await coll.insertMany(
      Array.from({ length: Math.min(5000, count - from) }, (_, i) => ({
        id: `c${String(from + i).padStart(6, '0')}`,
        firstName: 'F',
        lastName: `L${from + i}`,
        status: 'new',
        createdBy: 'seed',
      })),
    );
  }
}

export async function publishJob(store: Store, appId: string): Promise<Job | undefined> {
  const page = await store
    .collection(JOBS)
    .find({ filter: { queue: 'publish', 'payload.appId': appId }, sort: [{ field: 'createdAt', dir: 'desc' }], limit: 1 });
  return page.items[0] as unknown as Job | undefined;
}

export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, tries = 2400): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

export async function allOf(store: Store, appId: string, entity: string): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for (let cursor: string | null = null; ;) {
    const page = await store.collection(recordCollectionName(appId, entity)).find({ limit: 1000, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    if (!(cursor = page.nextCursor)) return out;
  }
}
