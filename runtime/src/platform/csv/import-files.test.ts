import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Store } from '@tessera/core/store';
import { openStore } from '../../store';
import { dropImportFile, IMPORT_FILES, IMPORT_FILES_COLLECTION, loadImportFile, pieces, saveImportFile } from './import-files';

describe('pieces', () => {
  it('never cuts a character in two: a surrogate pair at the cut stays in one piece', () => {
    const text = 'ab🦷cd'; // 🦷 is two UTF-16 units, at 2 and 3
    expect(pieces(text, 3)).toEqual(['ab', '🦷c', 'd']);
    expect(pieces(text, 3).join('')).toBe(text);
    expect(pieces('', 3)).toEqual([]);
  });
});

describe('import files in a real store', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-import-files-'));
    store = await openStore({ dataDir: dir });
    await store.ensureCollection(IMPORT_FILES_COLLECTION);
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a file of several pieces exactly, drops it, and forgets it after its time', async () => {
    const text = Array.from({ length: 120_000 }, (_, i) => `Zoë ${i},张伟 ${i},🦷`).join('\r\n'); // ~2.5 M characters
    await saveImportFile(store, 'f1', text, Date.now());
    await saveImportFile(store, 'f2', 'name\nOne', Date.now(), 1000);
    expect((await store.collection(IMPORT_FILES).find({ filter: { file: 'f1' }, limit: 100 })).items.length).toBeGreaterThan(4);
    expect(await loadImportFile(store, 'f1')).toBe(text);
    await dropImportFile(store, 'f1');
    expect(await loadImportFile(store, 'f1')).toBeNull();
    expect(await loadImportFile(store, 'f2')).toBe('name\nOne');
    await store.sweepExpired(new Date(Date.now() + 2000));
    expect(await loadImportFile(store, 'f2')).toBeNull();
  });
});
