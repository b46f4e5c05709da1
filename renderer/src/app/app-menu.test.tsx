/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import type { AppDefinition } from '@tessera/core';
import type { EntityPermissions } from '@tessera/core/wire';
import { I18nProvider } from '../i18n/i18n.provider';
import { installBrowserShims } from '../testing/render-helpers';
import { AppMenu } from './app-menu';

const page = (id: string, components: unknown[]) => ({ id, title: id, route: `/${id}`, components });
const definition = {
  pages: [
    page('deals', [{ id: 't', type: 'table', source: { kind: 'entity', entity: 'deal' }, props: { columns: [] } }]),
    page('newDeal', [{ id: 'f', type: 'form', source: { kind: 'entity', entity: 'deal' }, props: { mode: 'create' } }]),
    page('notes', [{ id: 'x', type: 'text', props: { content: 'hi' } }]),
    page('newAccount', [{ id: 'a', type: 'form', source: { kind: 'entity', entity: 'account' }, props: {} }]),
  ],
  navigation: [
    { label: 'Deals', page: 'deals' },
    { label: 'New deal', page: 'newDeal' },
    { label: 'Notes', page: 'notes' },
    { label: 'Admin', children: [{ label: 'New account', page: 'newAccount' }] },
  ],
} as unknown as AppDefinition;

const may = (p: Partial<EntityPermissions>): EntityPermissions => ({
  create: false,
  read: false,
  update: false,
  delete: false,
  rows: 'own',
  hidden: [],
  readonly: [],
  ...p,
});

function menu(permissions?: Record<string, EntityPermissions>) {
  installBrowserShims();
  render(
    <ConfigProvider theme={{ zeroRuntime: true }}>
      <I18nProvider locale="en">
        <AppMenu definition={definition} permissions={permissions} onOpen={() => undefined} />
      </I18nProvider>
    </ConfigProvider>,
  );
  return [...document.querySelectorAll('.ant-menu-title-content')].map((e) => e.textContent);
}

describe('the app menu (Hardening 18: forms a role cannot use are not in its menu)', () => {
  it('leaves out pages whose forms and lists the role cannot use, and groups left empty', () => {
    expect(menu({ deal: may({ read: true }), account: may({ read: true }) })).toEqual(['Deals', 'Notes']);
  });

  it('shows everything to a role that may create, and when no permissions are known (a preview)', () => {
    expect(menu({ deal: may({ read: true, create: true }), account: may({ create: true }) })).toEqual([
      'Deals',
      'New deal',
      'Notes',
      'Admin',
      'New account',
    ]);
    document.body.innerHTML = '';
    expect(menu()).toEqual(['Deals', 'New deal', 'Notes', 'Admin', 'New account']);
    expect(screen.getAllByRole('menuitem').length).toBeGreaterThan(0);
  });
});
