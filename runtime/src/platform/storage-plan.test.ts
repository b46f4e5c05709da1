import type { Entity } from '@tessera/core';
import { createSqliteStore } from '../store';
import { collectionSpecFor } from './storage-plan';

const entity = {
  id: 'contact',
  label: 'Contact',
  fields: [
    { id: 'email', type: 'email', unique: true },
    { id: 'title', type: 'text', indexed: true },
    { id: 'company', type: 'relation', to: 'company' },
    { id: 'lastName', type: 'text' },
    { id: 'fullName', type: 'computed', resultType: 'text', expression: { $expr: 'lastName' } },
  ],
  indexes: [
    { fields: ['email'] },
    { fields: ['title'] },
    { fields: ['company'] },
    { fields: ['title'], unique: true },
    { fields: ['company', 'lastName'] },
  ],
} as unknown as Entity;

describe('collectionSpecFor', () => {
  it('leaves out single-field indexes the field already has, so storage accepts the definition', async () => {
    const spec = collectionSpecFor('app', entity);
    expect(spec.indexes).toEqual([
      { fields: ['title'], unique: true },
      { fields: ['company', 'lastName'], unique: false },
    ]);
    // title's plain index gives way to the unique one declared on it
    expect(spec.fields.filter((f) => f.indexed).map((f) => f.name)).toEqual(['email', 'company', 'createdBy']);
    expect(spec.search).toEqual(['email', 'title', 'lastName']);
    const store = createSqliteStore({ file: ':memory:' });
    await expect(store.ensureCollection(spec)).resolves.toBeDefined();
    await store.close();
  });
});
