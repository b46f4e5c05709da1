import type { AppDefinition, Entity } from '@tessera/core';
import { effectivePermissions } from './effective-permissions.policy';

// What an expression reads is analyze()'s (core/src/expressions/expression.analyze.test.ts); here, what hiding does with it.
const deal = {
  id: 'deal',
  ownerField: 'owner',
  fields: [
    { id: 'amount', type: 'money' },
    { id: 'margin', type: 'number' },
    { id: 'owner', type: 'text' },
    { id: 'profit', type: 'computed', expression: { $expr: 'amount * margin' } },
    { id: 'profitText', type: 'computed', expression: { $expr: '"$" & $string(profit)' } },
    { id: 'doubled', type: 'computed', expression: { $expr: 'amount * 2' } },
    { id: 'dump', type: 'computed', expression: { $expr: '$string($)' } },
    { id: 'spelled', type: 'computed', expression: { $expr: "$eval('mar' & 'gin')" } },
  ],
  permissions: [
    { role: 'rep', actions: ['read', 'update'], rows: 'own', fields: { margin: 'hidden' } },
    { role: 'manager', actions: ['read'], rows: 'all' },
  ],
} as unknown as Entity;
const account = {
  id: 'account',
  fields: [
    { id: 'name', type: 'text' },
    { id: 'dealCount', type: 'rollup', entity: 'deal', via: 'account', aggregate: 'count' },
    { id: 'dealTotal', type: 'rollup', entity: 'deal', via: 'account', aggregate: 'sum', field: 'amount' },
    { id: 'marginTotal', type: 'rollup', entity: 'deal', via: 'account', aggregate: 'sum', field: 'margin' },
    { id: 'richDeals', type: 'rollup', entity: 'deal', via: 'account', aggregate: 'count', filter: { $or: [{ margin: { $gt: 0.5 } }] } },
    { id: 'secrets', type: 'rollup', entity: 'secret', via: 'account', aggregate: 'count' },
    { id: 'summary', type: 'computed', expression: { $expr: 'name & ": " & $string(marginTotal)' } },
  ],
  permissions: [
    { role: 'rep', actions: ['read'] },
    { role: 'manager', actions: ['read'] },
  ],
} as unknown as Entity;
const secret = {
  id: 'secret',
  fields: [{ id: 'account', type: 'relation', to: 'account' }],
  permissions: [{ role: 'manager', actions: ['read'] }],
} as unknown as Entity;
const definition = { id: 'app', entities: [deal, account, secret] } as unknown as AppDefinition;

describe('derived fields of hidden data are hidden', () => {
  it('a computed field reading a hidden field, directly or through another, or the whole record', () => {
    const rep = effectivePermissions(definition, deal, ['rep']);
    expect([...rep.hidden].sort()).toEqual(['dump', 'margin', 'profit', 'profitText', 'spelled']);
    expect(rep.readonly.has('profit')).toBe(false); // hidden, not merely read-only
    expect(effectivePermissions(definition, deal, ['manager']).hidden.size).toBe(0);
    expect(effectivePermissions(definition, deal, ['manager', 'rep']).hidden.size).toBe(0); // the manager sees margin
  });

  it('a rollup over a hidden field, a filter on one, or an entity the role may not read', () => {
    const rep = effectivePermissions(definition, account, ['rep']);
    expect([...rep.hidden].sort()).toEqual(['marginTotal', 'richDeals', 'secrets', 'summary']);
    expect(effectivePermissions(definition, account, ['manager']).hidden.size).toBe(0);
  });
});
