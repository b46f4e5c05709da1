import { renamesToPublish } from '@tessera/core/renames';
import { createBuilderStore, undo, redo, type BuilderStore } from './builder.store';
import { sampleDraft } from './test-fixtures';
import type { Draft } from './draft.types';

/** sampleDraft plus a customer entity whose orders relation points at order. */
function draft(): Draft {
  const d = sampleDraft();
  d.entities.push({
    id: 'customer',
    label: 'Customer',
    display: 'name',
    fields: [
      { id: 'name', type: 'text' },
      { id: 'orders', type: 'relation', to: 'order', many: true },
    ],
  });
  return d;
}

function setup(): BuilderStore {
  const store = createBuilderStore();
  store.getState().load('shop', draft(), 1);
  return store;
}
const log = (s: BuilderStore) => s.getState().renames;

describe('the rename log', () => {
  it('records field and entity renames from every command that changes an id', () => {
    const s = setup();
    s.getState().dispatch('renameField', { entityId: 'order', fieldId: 'number', id: 'code' });
    s.getState().dispatch('updateField', { entityId: 'customer', fieldId: 'name', patch: { id: 'fullName' } });
    s.getState().dispatch('updateEntity', { entityId: 'order', patch: { id: 'purchase' } });
    expect(log(s)).toEqual([
      { entity: 'purchase', from: 'number', to: 'code' }, // names its entity by the current id
      { entity: 'customer', from: 'name', to: 'fullName' },
      { from: 'order', to: 'purchase' },
    ]);
  });

  it('composes chains, and a rename back to the old id is no rename', () => {
    const s = setup();
    s.getState().dispatch('renameField', { entityId: 'order', fieldId: 'number', id: 'code' });
    s.getState().dispatch('setField', { entityId: 'order', fieldId: 'code', field: { id: 'ref', type: 'text' } });
    s.getState().dispatch('renameEntity', { entityId: 'order', id: 'purchase' });
    s.getState().dispatch('renameEntity', { entityId: 'purchase', id: 'sale' });
    expect(log(s)).toEqual([
      { entity: 'sale', from: 'number', to: 'ref' },
      { from: 'order', to: 'sale' },
    ]);
    s.getState().dispatch('renameField', { entityId: 'sale', fieldId: 'ref', id: 'number' });
    s.getState().dispatch('renameEntity', { entityId: 'sale', id: 'order' });
    expect(log(s)).toEqual([]);
  });

  it('follows undo and redo', () => {
    const s = setup();
    s.getState().dispatch('renameField', { entityId: 'order', fieldId: 'number', id: 'code' });
    s.getState().dispatch('renameField', { entityId: 'order', fieldId: 'code', id: 'ref' });
    undo(s);
    expect(log(s)).toEqual([{ entity: 'order', from: 'number', to: 'code' }]);
    undo(s);
    expect(log(s)).toEqual([]);
    redo(s);
    expect(log(s)).toEqual([{ entity: 'order', from: 'number', to: 'code' }]);
  });

  it('drops a field or entity renamed then deleted', () => {
    const s = setup();
    s.getState().dispatch('renameField', { entityId: 'order', fieldId: 'total', id: 'amount' });
    s.getState().dispatch('renameEntity', { entityId: 'customer', id: 'client' });
    s.getState().dispatch('renameField', { entityId: 'client', fieldId: 'name', id: 'title' });
    s.getState().dispatch('removeField', { entityId: 'order', fieldId: 'amount' });
    expect(log(s)).toEqual([
      { from: 'customer', to: 'client' },
      { entity: 'client', from: 'name', to: 'title' },
    ]);
    s.getState().dispatch('removeEntity', { entityId: 'client' });
    expect(log(s)).toEqual([]);
  });

  it('starts empty after a publish, with no undo back past it', () => {
    const s = setup();
    s.getState().dispatch('renameField', { entityId: 'order', fieldId: 'number', id: 'code' });
    s.getState().published();
    expect(log(s)).toEqual([]);
    undo(s);
    expect(s.getState().definition!.entities[0].fields[0].id).toBe('code');
  });

  it('sends only what has stored data: old ids of the published version, entity renames first', () => {
    const s = setup();
    s.getState().dispatch('addField', { entityId: 'order', type: 'text', label: 'Memo' });
    s.getState().dispatch('renameField', { entityId: 'order', fieldId: 'memo', id: 'note' }); // never published
    s.getState().dispatch('renameField', { entityId: 'order', fieldId: 'number', id: 'code' });
    s.getState().dispatch('renameEntity', { entityId: 'order', id: 'purchase' });
    const published = sampleDraft(); // customer is not published yet
    s.getState().dispatch('renameEntity', { entityId: 'customer', id: 'client' });
    expect(renamesToPublish(log(s), published)).toEqual([
      { from: 'order', to: 'purchase' },
      { entity: 'purchase', from: 'number', to: 'code' },
    ]);
    expect(renamesToPublish(log(s), null)).toEqual([]);
  });

  it('records the renames the JSON view declares with a replaced document', () => {
    const s = setup();
    const next = draft();
    next.entities[0].fields[0].id = 'code';
    s.getState().dispatch('replaceDefinition', {
      definition: next,
      renames: [
        { entity: 'order', from: 'number', to: 'code' },
        { entity: 'order', from: 'ghost', to: 'gone' },
      ],
    });
    // The second names a field the document does not have: it drops out like a deleted one.
    expect(log(s)).toEqual([{ entity: 'order', from: 'number', to: 'code' }]);
    undo(s);
    expect(log(s)).toEqual([]);
  });

  it('loads the log saved with the draft; reloading the same app without one keeps what still applies', () => {
    const s = createBuilderStore();
    s.getState().load('shop', draft(), 2, [
      { entity: 'order', from: 'ref', to: 'number' },
      { entity: 'order', from: 'x', to: 'gone' },
    ]);
    expect(log(s)).toEqual([{ entity: 'order', from: 'ref', to: 'number' }]);
    s.getState().load('shop', draft(), 3);
    expect(log(s)).toEqual([{ entity: 'order', from: 'ref', to: 'number' }]);
  });
});
