import { createBuilderStore, undo, redo, type BuilderStore } from '../builder.store';
import { persistRenameLog, readRenameLog } from '../rename-log.storage';
import { sampleDraft } from '../test-fixtures';
import type { Draft } from '../draft.types';
import { renamesToPublish } from './rename-log';

/** sampleDraft plus a customer entity whose orders relation points at order. */
function draft(): Draft {
  const d = sampleDraft();
  d.entities.push({ id: 'customer', label: 'Customer', display: 'name', fields: [{ id: 'name', type: 'text' }, { id: 'orders', type: 'relation', to: 'order', many: true }] });
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
    expect(log(s)).toEqual([{ entity: 'sale', from: 'number', to: 'ref' }, { from: 'order', to: 'sale' }]);
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
    expect(log(s)).toEqual([{ from: 'customer', to: 'client' }, { entity: 'client', from: 'name', to: 'title' }]);
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
    expect(renamesToPublish(log(s), published)).toEqual([{ from: 'order', to: 'purchase' }, { entity: 'purchase', from: 'number', to: 'code' }]);
    expect(renamesToPublish(log(s), null)).toEqual([]);
  });

  it('is kept in storage per app, survives a reload of the draft, and ignores junk', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) } as Storage;
    const s = setup();
    const stop = persistRenameLog(s, storage);
    s.getState().dispatch('renameField', { entityId: 'order', fieldId: 'number', id: 'code' });
    expect(readRenameLog('shop', storage)).toEqual([{ entity: 'order', from: 'number', to: 'code' }]);

    // A fresh builder (page reload) loads the saved draft with the stored log.
    const reloaded = createBuilderStore();
    reloaded.getState().load('shop', s.getState().definition!, 2, readRenameLog('shop', storage));
    expect(log(reloaded)).toEqual([{ entity: 'order', from: 'number', to: 'code' }]);
    // Reloading the same app (conflict: take theirs) keeps what still applies.
    s.getState().load('shop', draft(), 3);
    expect(log(s)).toEqual([]);

    s.getState().published();
    expect(data.size).toBe(0);
    stop();
    data.set('tessera.builder.renames.shop', '[{"from":"a b","to":"c"},{"from":"a","to":"b"},7]');
    expect(readRenameLog('shop', storage)).toEqual([{ from: 'a', to: 'b' }]);
    data.set('tessera.builder.renames.shop', '{not json');
    expect(readRenameLog('shop', storage)).toEqual([]);
  });
});
