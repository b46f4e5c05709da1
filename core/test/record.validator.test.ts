import { describe, expect, it } from '@jest/globals';
import { createRecordValidator, entityRecordSchema, validateDefinition, type AppDefinition, type Entity } from '../src/index';
import { fullApp } from './fixture';

const r = validateDefinition(fullApp());
if (!r.ok) throw new Error('fixture must be valid');
const def: AppDefinition = r.definition;
const entity = (id: string): Entity => def.entities.find((e) => e.id === id)!;

describe('createRecordValidator', () => {
  const createContact = createRecordValidator(entity('contact'), 'create');
  const updateContact = createRecordValidator(entity('contact'), 'update');

  it('accepts a valid record and caches per entity and mode', () => {
    expect(
      createContact({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', interests: ['api'], meta: { source: 'ad' } }),
    ).toEqual({ ok: true, errors: [] });
    expect(entityRecordSchema(entity('contact'), 'create').required).toEqual(['firstName', 'lastName']);
  });

  it('requires required fields on create only, except those with a default', () => {
    expect(createContact({ email: 'x@example.com' }).errors).toEqual([
      { pointer: '/firstName', message: 'missing required property "firstName"' },
      { pointer: '/lastName', message: 'missing required property "lastName"' },
    ]);
    expect(updateContact({ email: 'x@example.com' })).toEqual({ ok: true, errors: [] });
    // deal.amount is required but has a default.
    expect(createRecordValidator(entity('deal'), 'create')({ title: 'Big', company: 'c1' })).toEqual({ ok: true, errors: [] });
  });

  it('reports wrong values, unknown and read-only fields with readable messages', () => {
    expect(
      updateContact({
        email: 'not-an-email',
        interests: ['pricing', 'golf'],
        fullName: 'x',
        id: 'r1',
        lastSeen: '2024-01-01T00:00:00Z',
        nmae: 1,
        optIn: 'yes',
      }).errors,
    ).toEqual([
      { pointer: '/nmae', message: 'unknown property "nmae"' },
      { pointer: '/id', message: 'read-only field' },
      { pointer: '/email', message: 'must match format "email"' },
      { pointer: '/optIn', message: 'must be boolean or null' },
      { pointer: '/interests/1', message: 'must be one of "pricing", "support", "api"' },
      { pointer: '/lastSeen', message: 'read-only field' },
      { pointer: '/fullName', message: 'read-only field' },
    ]);
  });

  it('lets optional fields be cleared with null but not required ones', () => {
    expect(updateContact({ phone: null, company: null })).toEqual({ ok: true, errors: [] });
    expect(updateContact({ firstName: null }).errors).toEqual([{ pointer: '/firstName', message: 'must be string' }]);
  });

  it('applies field constraints (many relations, enums, numbers, json schema)', () => {
    const createDeal = createRecordValidator(entity('deal'), 'create');
    expect(createDeal({ title: 'x', company: 'c1', contacts: 'p1', stage: 'lost!', amount: -1 }).errors).toEqual([
      { pointer: '/stage', message: 'must be one of "new", "qualified", "won", "lost", null (did you mean "lost"?)' },
      { pointer: '/contacts', message: 'must be array or null' },
    ]);
    expect(createContact({ firstName: 'a', lastName: 'b', meta: { source: 1 } }).errors).toEqual([
      { pointer: '/meta/source', message: 'must be string' },
    ]);
  });
});
