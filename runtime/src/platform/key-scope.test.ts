import { narrowScope, parseKeyScope, scopeRefusal } from './key-scope';

describe('API key scopes', () => {
  it('lets an unscoped key through and holds a read-only one to GET and HEAD', () => {
    expect(scopeRefusal({ readOnly: false }, 'DELETE', '/users/x')).toBeNull();
    expect(scopeRefusal({ readOnly: true }, 'HEAD', '/apps/crm/data/deal')).toBeNull();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
      expect(scopeRefusal({ readOnly: true }, method, '/apps/crm')).toMatch(/read-only/);
  });

  it('keeps an app-scoped key to its apps’ routes and /auth/me', () => {
    const scope = { apps: ['crm'], readOnly: false };
    expect(scopeRefusal(scope, 'GET', '/apps/crm')).toBeNull();
    expect(scopeRefusal(scope, 'POST', '/apps/crm/data/deal')).toBeNull();
    expect(scopeRefusal(scope, 'GET', '/auth/me')).toBeNull();
    expect(scopeRefusal(scope, 'GET', '/apps/crm2/data/deal')).toMatch(/not for app crm2/);
    expect(scopeRefusal(scope, 'GET', '/Apps/other')).toMatch(/not for app other/);
    expect(scopeRefusal(scope, 'GET', '/apps/%63rm')).toBeNull(); // "crm", as express decodes it
    expect(scopeRefusal(scope, 'GET', '/apps/%E0%A4%A')).toMatch(/may not call/);
    for (const path of ['/apps', '/apps/', '/users', '/api-keys', '//apps/crm'])
      expect(scopeRefusal(scope, 'GET', path)).toMatch(/may not call/);
  });

  it('never lets a key mint a wider one', () => {
    const parent = { apps: ['crm', 'hr'], readOnly: true };
    expect(narrowScope({ readOnly: false }, parent)).toEqual(parent);
    expect(narrowScope({ apps: ['hr'], readOnly: false }, parent)).toEqual({ apps: ['hr'], readOnly: true });
    expect(() => narrowScope({ apps: ['sales'], readOnly: false }, parent)).toThrow(/sales/);
    expect(narrowScope({ apps: ['x1'], readOnly: false }, undefined)).toEqual({ apps: ['x1'], readOnly: false });
  });

  it('reads the scope sent, deduplicating apps', () => {
    expect(parseKeyScope({})).toEqual({ readOnly: false });
    expect(parseKeyScope({ apps: ['crm', 'crm'], readOnly: true })).toEqual({ apps: ['crm'], readOnly: true });
    expect(() => parseKeyScope({ readOnly: 1 })).toThrow(/readOnly/);
  });
});
