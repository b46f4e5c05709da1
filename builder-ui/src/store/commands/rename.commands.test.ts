/** The rename commands as the builder runs them: one undoable step each, refused ones leave no trace. The rewriting itself is tested in @tessera/core/renames. */
import { createBuilderStore } from '../builder.store';
import { sampleDraft } from '../test-fixtures';

function storeWithSample() {
  const store = createBuilderStore();
  store.getState().load('shop', sampleDraft(), 1);
  return store;
}

describe('rename commands', () => {
  it('rename in one undoable step that restores the draft exactly, and select the renamed thing', () => {
    const store = storeWithSample();
    store.getState().dispatch('renameField', { entityId: 'order', fieldId: 'number', id: 'code' });
    expect(store.getState().definition!.entities[0]).toMatchObject({ display: 'code', fields: [{ id: 'code' }, { id: 'total' }] });
    expect(store.getState().selection).toEqual({ kind: 'entity', entityId: 'order', fieldId: 'code' });
    store.getState().dispatch('renamePage', { pageId: 'home', id: 'start' });
    expect(store.getState().selection).toEqual({ kind: 'page', pageId: 'start' });
    expect(store.temporal.getState().pastStates).toHaveLength(2);
    store.temporal.getState().undo();
    store.temporal.getState().undo();
    expect(store.getState().definition).toEqual(sampleDraft());
  });

  it('refuse a taken or malformed id with a clear error, and record nothing', () => {
    const store = storeWithSample();
    const before = store.getState().definition;
    expect(() => store.getState().dispatch('renameField', { entityId: 'order', fieldId: 'number', id: 'total' })).toThrow(
      'field id "total" is already used',
    );
    expect(() => store.getState().dispatch('renameEntity', { entityId: 'order', id: 'my order' })).toThrow(/not a valid entity id/);
    expect(store.getState().definition).toBe(before);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(store.getState().renames).toEqual([]);
  });
});
