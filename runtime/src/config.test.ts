import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from './config';
import { openStore } from './store/open-store';
import type { SqliteStore } from './store/sqlite/sqlite.store';

describe('settings from the environment', () => {
  it('map 1 GiB of the SQLite file by default; TESSERA_SQLITE_MMAP sets it, 0 turns it off', async () => {
    expect(loadConfig({}).sqliteMmapBytes).toBe(1024 ** 3);
    expect(loadConfig({ TESSERA_SQLITE_MMAP: '256mb' }).sqliteMmapBytes).toBe(256 * 1024 ** 2);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-config-'));
    try {
      const config = loadConfig({ TESSERA_DATA_DIR: dataDir, TESSERA_SQLITE_MMAP: '0' });
      const store = (await openStore({ dataDir: config.dataDir, sqliteMmapBytes: config.sqliteMmapBytes })) as SqliteStore;
      expect(store.db.pragma('mmap_size', { simple: true })).toBe(0);
      store.db.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuse a size they cannot read, naming the variable', () => {
    expect(() => loadConfig({ TESSERA_SQLITE_MMAP: 'lots' })).toThrow(/TESSERA_SQLITE_MMAP must look like 2mb/);
  });
});
