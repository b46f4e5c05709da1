import type { AppDefinition, Entity } from '@tessera/core';
import { effectivePermissions, fullAccess, policyFor } from './effective-permissions.policy';
import { andFilters, inScope, rowScopeFilter } from './row-scope.policy';
import { visibleRecord } from './visible-record.policy';
import { checkWritable } from './check-writable.policy';
import type { Caller } from './policy.types';

const deal = {
  id: 'deal',
  label: 'Deal',
  ownerField: 'owner',
  fields: [
    { id: 'name', type: 'text' },
    { id: 'amount', type: 'money' },
    { id: 'margin', type: 'number' },
    { id: 'notes', type: 'longtext' },
    { id: 'owner', type: 'text' },
  ],
  indexes: [],
  permissions: [
    { role: 'rep', actions: ['create', 'read', 'update'], rows: 'own', fields: { margin: 'hidden', owner: 'readonly' } },
    { role: 'manager', actions: ['read', 'update', 'delete'], rows: 'team', fields: { margin: 'readonly' } },
    { role: 'auditor', actions: ['read'], rows: 'all', fields: { margin: 'hidden', notes: 'hidden' } },
    { role: 'clerk', actions: ['create'], rows: 'all', fields: {} },
  ],
} as unknown as Entity;
const definition = { id: 'app', entities: [deal] } as unknown as AppDefinition;

const caller = (roles: string[], team: string | null = null, teamOwners: string[] = []): Caller => ({
  user: { id: 'u1', email: 'ann@x.test', name: 'Ann' },
  bypass: false,
  roles,
  team,
  teamOwners,
});

describe('effectivePermissions', () => {
  it('gives one role exactly its entry', () => {
    const p = effectivePermissions(definition, deal, ['rep']);
    expect(p).toMatchObject({ create: true, read: true, update: true, delete: false, bypass: false });
    expect(p.rows).toEqual({ create: 'own', read: 'own', update: 'own', delete: 'own' });
    expect([...p.hidden]).toEqual(['margin']);
    expect([...p.readonly]).toEqual(['owner']);
  });

  it('combines roles: union of actions, widest rows per action, hidden only if every reader hides it', () => {
    const p = effectivePermissions(definition, deal, ['auditor', 'rep']);
    expect(p).toMatchObject({ create: true, read: true, update: true, delete: false });
    expect(p.rows.read).toBe('all');
    expect(p.rows.update).toBe('own'); // the auditor's "all" is for reading only
    expect([...p.hidden]).toEqual(['margin']); // both hide margin; notes is visible through rep
    const m = effectivePermissions(definition, deal, ['manager', 'rep']);
    expect([...m.hidden]).toEqual([]); // the manager sees margin
    expect([...m.readonly]).toEqual(['margin']); // …but neither may write it (hidden for rep, readonly for manager)
    expect(m.rows).toMatchObject({ read: 'team', update: 'team', delete: 'team', create: 'own' });
  });

  it('a field writable through any writing role is writable', () => {
    const p = effectivePermissions(definition, deal, ['clerk', 'rep']);
    expect(p.readonly.has('owner')).toBe(false);
    expect(p.hidden.has('margin')).toBe(true); // the clerk cannot read at all, so rep decides visibility
  });

  it('gives no actions to roles without an entry and caches per entity and role set', () => {
    const none = effectivePermissions(definition, deal, ['stranger']);
    expect(none).toMatchObject({ create: false, read: false, update: false, delete: false });
    expect(effectivePermissions(definition, deal, ['rep'])).toBe(effectivePermissions(definition, deal, ['rep']));
  });

  it('bypasses everything for platform admins and builders', () => {
    const p = policyFor(definition, deal, { ...caller([]), bypass: true });
    expect(p).toBe(fullAccess(deal));
    expect(p.hidden.size + p.readonly.size).toBe(0);
    expect(rowScopeFilter(p, caller([]), deal)).toBeUndefined();
  });
});

describe('row scope', () => {
  it("own: the owner field is the caller's email (one equality, so an index serves it)", () => {
    const c = caller(['rep']);
    const p = effectivePermissions(definition, deal, ['rep']);
    expect(rowScopeFilter(p, c, deal)).toEqual({ owner: 'ann@x.test' });
    expect(inScope({ owner: 'ann@x.test' }, p, c)).toBe(true);
    expect(inScope({ owner: 'u1' }, p, c)).toBe(false);
    expect(inScope({ owner: 'bob@x.test' }, p, c)).toBe(false);
    expect(inScope({}, p, c)).toBe(false);
  });

  it("team: every member of the caller's team; without a team, only the caller", () => {
    const p = effectivePermissions(definition, deal, ['manager']);
    const c = caller(['manager'], 'east', ['ann@x.test', 'u1', 'bob@x.test', 'u2']);
    expect(rowScopeFilter(p, c, deal)).toEqual({ owner: { $in: ['ann@x.test', 'u1', 'bob@x.test', 'u2'] } });
    expect(inScope({ owner: 'bob@x.test' }, p, c)).toBe(true);
    expect(inScope({ owner: 'eve@x.test' }, p, c)).toBe(false);
    expect(rowScopeFilter(p, caller(['manager']), deal)).toEqual({ owner: 'ann@x.test' });
  });

  it('all: no filter; filters are ANDed without nesting when one is missing', () => {
    const p = effectivePermissions(definition, deal, ['auditor']);
    expect(rowScopeFilter(p, caller(['auditor']), deal)).toBeUndefined();
    expect(andFilters({ a: 1 }, undefined)).toEqual({ a: 1 });
    expect(andFilters(undefined, { b: 2 })).toEqual({ b: 2 });
    expect(andFilters({ a: 1 }, { b: 2 })).toEqual({ $and: [{ a: 1 }, { b: 2 }] });
  });
});

describe('fields', () => {
  it('visibleRecord strips hidden fields and returns the same object when nothing is hidden', () => {
    const record = { id: '1', name: 'Big', margin: 0.4, notes: 'n' };
    expect(visibleRecord(record, effectivePermissions(definition, deal, ['auditor']))).toEqual({ id: '1', name: 'Big' });
    const admin = fullAccess(deal);
    expect(visibleRecord(record, admin)).toBe(record);
  });

  it('checkWritable reports hidden and read-only fields, one issue each', () => {
    const p = effectivePermissions(definition, deal, ['rep']);
    expect(checkWritable({ name: 'x', margin: 1, owner: 'bob@x.test' }, p)).toEqual([
      { pointer: '/margin', message: 'your role may not change this field' },
      { pointer: '/owner', message: 'your role may not change this field' },
    ]);
    expect(checkWritable({ name: 'x' }, p)).toEqual([]);
    expect(checkWritable({ margin: 1 }, fullAccess(deal))).toEqual([]);
    expect(checkWritable('not an object', p)).toEqual([]);
  });
});
