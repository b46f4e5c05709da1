import type { RenameEntry } from '@tessera/core/renames';
import { ApiError } from '../api/api.client';
import type { AppDraft, DraftApi } from '../api/apps.api';
import type { Draft } from './draft.types';
import { startAutosave } from './autosave';
import { createBuilderStore } from './builder.store';
import { sampleDraft } from './test-fixtures';

/** An in-memory apps API with the server's If-Match rule. */
function fakeApi() {
  const server = { draft: sampleDraft(), revision: 1, renames: [] as RenameEntry[] };
  const calls: Array<{ revision: number | null }> = [];
  const app = (): AppDraft => ({
    id: 'shop',
    name: 'Shop',
    revision: server.revision,
    publishedVersion: null,
    updatedAt: '',
    publishedAt: null,
    draft: server.draft,
    issues: [],
    renames: server.renames,
    renamesToPublish: [],
  });
  const api: DraftApi = {
    getApp: async () => app(),
    saveDraft: async (_id: string, draft: Draft, revision: number | null, renames: RenameEntry[]) => {
      calls.push({ revision });
      if (revision !== null && revision !== server.revision) throw new ApiError(412, 'the draft was changed by someone else');
      server.draft = draft;
      server.renames = renames;
      server.revision += 1;
      return app();
    },
  };
  return { api, server, calls };
}

describe('autosave', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  async function settle() {
    await jest.advanceTimersByTimeAsync(1100);
  }

  it('debounces edits into one PUT with If-Match and reports dirty → saving → saved', async () => {
    const { api, server, calls } = fakeApi();
    const store = createBuilderStore();
    store.getState().load('shop', sampleDraft(), 1);
    const autosave = startAutosave(store, api, { delayMs: 1000 });
    store.getState().dispatch('addEntity', { label: 'Customer' });
    store.getState().dispatch('addField', { entityId: 'customer', type: 'email' });
    expect(store.getState().save.status).toBe('dirty');
    await settle();
    expect(calls).toEqual([{ revision: 1 }]);
    expect(store.getState().save.status).toBe('saved');
    expect(store.getState().revision).toBe(2);
    expect(server.draft.entities.map((e) => e.id)).toEqual(['order', 'customer']);
    // undo is an edit too
    store.temporal.getState().undo();
    await settle();
    expect(calls).toEqual([{ revision: 1 }, { revision: 2 }]);
    expect(server.draft.entities.find((e) => e.id === 'customer')!.fields).toHaveLength(1);
    autosave.stop();
  });

  it('saves the rename log with the draft, and a reload takes the log saved with the server draft', async () => {
    const { api, server } = fakeApi();
    const store = createBuilderStore();
    store.getState().load('shop', sampleDraft(), 1);
    const autosave = startAutosave(store, api, { delayMs: 1000 });
    store.getState().dispatch('renameField', { entityId: 'order', fieldId: 'number', id: 'code' });
    await settle();
    expect(server.renames).toEqual([{ entity: 'order', from: 'number', to: 'code' }]);
    // Another client renamed the entity too (the server keeps the log with the draft).
    server.draft = { ...server.draft, entities: server.draft.entities.map((e) => ({ ...e, id: 'purchase' })) };
    server.renames = [
      { entity: 'purchase', from: 'number', to: 'code' },
      { from: 'order', to: 'purchase' },
    ];
    await autosave.reload();
    expect(store.getState().renames).toEqual(server.renames);
    autosave.stop();
  });

  it('on 412 marks a conflict and stops saving; reload takes the server draft', async () => {
    const { api, server, calls } = fakeApi();
    const store = createBuilderStore();
    store.getState().load('shop', sampleDraft(), 1);
    const autosave = startAutosave(store, api, { delayMs: 1000 });
    server.revision = 5; // someone else saved
    server.draft = { ...sampleDraft(), name: 'Theirs' };
    store.getState().dispatch('setAppInfo', { patch: { name: 'Ours' } });
    await settle();
    expect(store.getState().save.status).toBe('conflict');
    store.getState().dispatch('setAppInfo', { patch: { name: 'Ours again' } });
    await settle();
    expect(calls).toHaveLength(1); // nothing sent while in conflict
    expect(server.draft.name).toBe('Theirs');
    await autosave.reload();
    expect(store.getState().definition!.name).toBe('Theirs');
    expect(store.getState().revision).toBe(5);
    expect(store.getState().save.status).toBe('saved');
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    autosave.stop();
  });

  it('overwrite is explicit: it saves ours on top of the current server revision', async () => {
    const { api, server, calls } = fakeApi();
    const store = createBuilderStore();
    store.getState().load('shop', sampleDraft(), 1);
    const autosave = startAutosave(store, api, { delayMs: 1000 });
    server.revision = 3;
    store.getState().dispatch('setAppInfo', { patch: { name: 'Ours' } });
    await settle();
    expect(store.getState().save.status).toBe('conflict');
    await autosave.overwrite();

    expect(calls.map((c) => c.revision)).toEqual([1, 3]);
    expect(server.draft.name).toBe('Ours');
    expect(store.getState().save.status).toBe('saved');
    autosave.stop();
  });

  it('other errors are shown and retried on the next edit; flush saves immediately', async () => {
    const { api, calls } = fakeApi();
    const failing: DraftApi = {
      ...api,
      saveDraft: jest.fn().mockRejectedValueOnce(new Error('network down')).mockImplementation(api.saveDraft),
    };
    const store = createBuilderStore();
    store.getState().load('shop', sampleDraft(), 1);
    const autosave = startAutosave(store, failing, { delayMs: 1000 });
    store.getState().dispatch('setAppInfo', { patch: { name: 'A' } });
    await settle();
    expect(store.getState().save).toMatchObject({ status: 'error', message: 'network down' });
    store.getState().dispatch('setAppInfo', { patch: { name: 'B' } });
    await autosave.flush();
    expect(calls).toHaveLength(1);
    expect(store.getState().save.status).toBe('saved');
    autosave.stop();
  });
});
