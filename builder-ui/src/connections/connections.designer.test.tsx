/** @jest-environment jsdom */
import '../test-setup';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { builderStore, undo } from '../store/builder.store';
import { connectionsOf } from '../store/commands/connection.commands';
import { useCatalogue } from './connector-catalogue.store';
import type { CredentialInfo, CredentialSecret, CredentialsApi } from './connectors.api';
import { ConnectionsDesigner } from './connections.designer';
import { shopDraft, shopItem, shopManifest } from './connections.test-fixtures';
import { CredentialPanel } from './credential.panel';

// jsdom has no MessageChannel; antd's Select schedules its open/close with one (a macrotask).
globalThis.MessageChannel ??= class {
  port1: { onmessage: null | (() => void) } = { onmessage: null };
  port2 = { postMessage: () => void setTimeout(() => this.port1.onmessage?.()) };
} as unknown as typeof MessageChannel;

const connection = () => connectionsOf(builderStore.getState().definition)[0];

/** The vault's API contract kept in memory: what a PUT stored is readable only here, as the server keeps it. */
function memoryVault() {
  const stored = new Map<string, CredentialSecret>();
  const infos = new Map<string, CredentialInfo>();
  const api: CredentialsApi = {
    list: async () => [...infos.values()],
    put: async (_app, ref, secret) => {
      stored.set(ref, secret);
      const info = { ref, type: secret.type, set: true, updatedAt: '2026-12-07T16:40:00.000Z' };
      infos.set(ref, info);
      return info;
    },
    remove: async (_app, ref) => {
      stored.delete(ref);
      infos.delete(ref);
    },
  };
  return { api, stored };
}

beforeEach(() => {
  builderStore.getState().load('shop', shopDraft(), 1);
  useCatalogue.getState().seed([shopItem], [shopManifest()]);
});

describe('Connections screen', () => {
  it("generates the config form from the manifest's config schema; edits are undoable commands", async () => {
    render(<ConnectionsDesigner />);
    const config = await screen.findByTestId('connection-config');
    expect(within(config).getByText('Base url')).toBeTruthy(); // the schema's property, as the generated form labels it
    fireEvent.change(within(config).getByLabelText('baseUrl'), { target: { value: 'http://127.0.0.1:4100' } });
    expect(connection().config).toEqual({ baseUrl: 'http://127.0.0.1:4100' });
    expect(builderStore.getState().lastCommand).toBe('updateConnection');
    fireEvent.change(screen.getByLabelText('Cache answers for (seconds)'), { target: { value: '60' } });
    expect(connection().cacheSeconds).toBe(60);
    act(() => undo());
    act(() => undo());
    expect(connection().config).toEqual({});
    expect(connection().cacheSeconds).toBeUndefined();
  });

  it('lists the operations grouped and searchable', async () => {
    render(<ConnectionsDesigner />);
    fireEvent.click(await screen.findByText('3 operation(s)'));
    const list = screen.getByTestId('operation-list');
    expect(within(list).getByText('Orders')).toBeTruthy();
    expect(within(list).getByText('Other')).toBeTruthy();
    fireEvent.change(within(list).getByLabelText('Search operations'), { target: { value: 'ticket' } });
    expect(within(list).queryByText('List orders')).toBeNull();
    expect(within(list).getByText('Create a ticket')).toBeTruthy();
  });

  it('gives roles access per operation and to all operations; an emptied entry is removed', async () => {
    render(<ConnectionsDesigner />);
    fireEvent.click(await screen.findByText('Access'));
    const pick = (label: string, option: string) => {
      act(() => {
        fireEvent.mouseDown(within(screen.getByTestId('connection-access')).getByLabelText(label));
      });
      const open = [...document.querySelectorAll('.ant-select-dropdown')].filter((d) => !d.className.includes('hidden')).pop()!;
      act(() => {
        fireEvent.click(within(open as HTMLElement).getByTitle(option));
      });
    };
    pick('listOrders Roles', 'Sales rep');
    pick('All operations Roles', 'Service');
    expect(connection().access).toEqual({ listOrders: ['rep'], '*': ['service'] });
    expect(builderStore.getState().lastCommand).toBe('setConnectionAccess');
    act(() => builderStore.getState().dispatch('setConnectionAccess', { connectionId: 'shop', operation: 'listOrders', roles: [] }));
    expect(connection().access).toEqual({ '*': ['service'] });
    act(() => {
      builderStore.getState().validateNow();
    });
    expect(builderStore.getState().issues.all).toEqual([]);
  });
});

describe('credential entry', () => {
  it('sends the secret once to the vault and never renders it back: only "set" and when', async () => {
    const { api, stored } = memoryVault();
    const SECRET = 'shop-key-7f3e9a1c';
    render(<CredentialPanel connection={connection()} manifest={shopManifest()} api={api} />);
    expect(await screen.findByText('No credential stored yet: calls will be refused until one is saved.')).toBeTruthy();
    const input = screen.getByLabelText('API key') as HTMLInputElement;
    expect(input.type).toBe('password');
    fireEvent.change(input, { target: { value: SECRET } });
    fireEvent.click(screen.getByText('Save credential'));
    await waitFor(() => expect(screen.getByTestId('credential-status').textContent).toMatch(/^Set \(API key\) · updated /));
    expect(stored.get('shop')).toEqual({ type: 'apiKey', key: SECRET });
    expect(input.value).toBe('');
    expect(document.body.innerHTML).not.toContain(SECRET);
    // The draft names the credential, never holds it.
    expect(connection().credential).toBe('shop');
    expect(JSON.stringify(builderStore.getState().definition)).not.toContain(SECRET);
    expect(screen.getByText('Replace credential')).toBeTruthy();
  });
});
