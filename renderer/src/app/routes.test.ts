import type { Page } from '@tessera/core';
import { buildPath, matchRoute } from './routes';

const page = (id: string, route: string) => ({ id, title: id, route, components: [] }) as unknown as Page;

describe('page routes', () => {
  const pages = [page('customers', '/customers'), page('customer', '/customers/:id'), page('new', '/customers/new')];

  it('prefers static segments over parameters', () => {
    expect(matchRoute(pages, '/customers/new')?.page.id).toBe('new');
    expect(matchRoute(pages, '/customers/c1')).toEqual({ page: pages[1], params: { id: 'c1' } });
  });

  it('shows the first page without parameters at the app root when no page claims "/"', () => {
    expect(matchRoute(pages, '/')?.page.id).toBe('customers');
    expect(matchRoute([page('home', '/'), ...pages], '/')?.page.id).toBe('home');
    expect(matchRoute(pages, '/nowhere')).toBeUndefined();
  });

  it('builds paths with encoded parameters', () => {
    expect(buildPath(pages[1], { id: 'a b' })).toBe('/customers/a%20b');
  });
});
