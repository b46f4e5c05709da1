import { shopDraft } from '../../connections/connections.test-fixtures';
import { createBuilderStore, undo } from '../builder.store';
import { findComponent } from '../component-tree';
import { connectionsOf } from './connection.commands';

function setup() {
  const store = createBuilderStore();
  store.getState().load('shop', shopDraft(), 1);
  store.getState().dispatch('addComponent', { pageId: 'home', type: 'table', entityId: 'order' });
  store
    .getState()
    .dispatch('setSource', { componentId: 'table', source: { kind: 'connector', connection: 'shop', operation: 'listOrders' } });
  return store;
}
const table = (s: ReturnType<typeof setup>) => findComponent(s.getState().definition!.pages[0].components, 'table')!;

describe('connection commands', () => {
  it('a rename of a connection is followed by the components bound to it, and undone in one step', () => {
    const s = setup();
    s.getState().dispatch('renameConnection', { connectionId: 'shop', id: 'webshop' });
    expect(connectionsOf(s.getState().definition).map((c) => c.id)).toEqual(['webshop']);
    expect(table(s).source).toEqual({ kind: 'connector', connection: 'webshop', operation: 'listOrders' });
    s.getState().validateNow();
    expect(s.getState().issues.all).toEqual([]);
    undo(s);
    expect(table(s).source!.connection).toBe('shop');
  });

  it('adding an id that exists is refused; removing the last connection removes the key', () => {
    const s = setup();
    expect(() => s.getState().dispatch('addConnection', { connection: { id: 'shop', connector: 'http@^1.0.0' } })).toThrow('exists');
    s.getState().dispatch('removeConnection', { connectionId: 'shop' });
    expect('connections' in s.getState().definition!).toBe(false);
  });

  it('updates config, label and cache; undefined removes a setting', () => {
    const s = setup();
    s.getState().dispatch('updateConnection', {
      connectionId: 'shop',
      patch: { config: { baseUrl: 'https://shop.example' }, cacheSeconds: 30 },
    });
    s.getState().dispatch('updateConnection', {
      connectionId: 'shop',
      patch: { label: undefined, cacheSeconds: undefined, id: 'ignored' },
    });
    expect(connectionsOf(s.getState().definition)[0]).toEqual({
      id: 'shop',
      connector: 'mock-shop@^1.0.0',
      config: { baseUrl: 'https://shop.example' },
    });
  });
});
