import { createBuilderStore } from '../store/builder.store';
import { useCatalogue } from './connector-catalogue.store';
import { shopDraft, shopItem, shopManifest } from './connections.test-fixtures';
import { startConnectorValidation } from './connector-validation';

describe('connections checked against the installed connectors', () => {
  it("a connection's config is checked against its manifest and the problem leads to the connection", () => {
    const store = createBuilderStore();
    store.getState().load('shop', shopDraft(), 1);
    useCatalogue.getState().seed([shopItem], [shopManifest()]);
    const stop = startConnectorValidation(store);
    try {
      const issues = store.getState().issues.all;
      expect(issues.map((i) => [i.pointer, i.target])).toEqual([
        ['/connections/0/config', { screen: 'connections', connectionId: 'shop' }],
      ]);
      expect(issues[0].message).toMatch(/baseUrl/);
      store.getState().dispatch('updateConnection', { connectionId: 'shop', patch: { config: { baseUrl: 'https://shop.example' } } });
      store.getState().validateNow();
      expect(store.getState().issues.all).toEqual([]);
      // A range no installed version satisfies.
      store.getState().dispatch('updateConnection', { connectionId: 'shop', patch: { connector: 'mock-shop@^2.0.0' } });
      store.getState().validateNow();
      expect(store.getState().issues.all.map((i) => i.pointer)).toEqual(['/connections/0/connector']);
    } finally {
      stop();
    }
    // Stopped: the builder no longer knows the connectors and leaves those checks to the server.
    store.getState().validateNow();
    expect(store.getState().issues.all).toEqual([]);
  });
});
