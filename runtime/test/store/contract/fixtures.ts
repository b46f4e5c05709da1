import type { Collection, CollectionSpec, Store } from '../../../src/store';

export const CONTACTS: CollectionSpec = {
  name: 'contacts',
  fields: [
    { name: 'email', kind: 'string', unique: true },
    { name: 'name', kind: 'string', indexed: true },
    { name: 'score', kind: 'number', indexed: true },
    { name: 'vip', kind: 'boolean' },
    { name: 'born', kind: 'date' },
    { name: 'tags', kind: 'array' },
    { name: 'meta', kind: 'json' },
    { name: 'status', kind: 'string' },
  ],
  indexes: [{ fields: ['company', 'code'], unique: true }, { fields: ['status', 'score'] }],
};

/** Small, hand-checkable data: nulls, missing fields, arrays, nested json, mixed case. */
export const PEOPLE = [
  {
    id: 'a',
    name: 'Ann',
    email: 'ann@x.io',
    score: 10,
    vip: true,
    born: '1990-01-05',
    tags: ['lead', 'vip'],
    meta: { city: 'Paris', level: 2 },
    status: 'open',
  },
  {
    id: 'b',
    name: 'bob',
    email: 'bob@x.io',
    score: 5,
    vip: false,
    born: '1985-06-01',
    tags: ['lead'],
    meta: { city: 'Berlin', level: 1 },
    status: 'closed',
  },
  { id: 'c', name: 'Cyd', email: null, score: null, vip: false, tags: [], meta: { city: 'paris' }, status: 'open' },
  { id: 'd', name: 'Dee', score: 7.5, status: 'open' },
  {
    id: 'e',
    name: 'Eve',
    email: 'eve@y.io',
    score: 0,
    vip: true,
    tags: ['customer'],
    meta: { city: 'Rome', level: 3, nested: { deep: 'x' } },
    status: 'archived',
  },
];

export async function contacts(store: Store): Promise<Collection> {
  return store.ensureCollection(CONTACTS);
}

export async function seeded(store: Store): Promise<Collection> {
  const c = await contacts(store);
  for (const p of PEOPLE) await c.insert(p);
  return c;
}

export async function ids(c: Collection, options: Parameters<Collection['find']>[0]): Promise<string[]> {
  return (await c.find({ limit: 1000, ...options })).items.map((d) => d.id);
}

export function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
