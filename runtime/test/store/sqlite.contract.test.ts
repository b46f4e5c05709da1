import { afterAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../src/store';
import { describeStoreContract } from './contract.suite';

// A real file in a directory of this test file's own, so parallel jest workers never share one.
const dir = mkdtempSync(join(tmpdir(), 'tessera-sqlite-contract-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract('sqlite (file)', async () => createSqliteStore({ file: join(dir, `store-${++n}.db`) }), {
  // A second connection to the same file: another process as far as SQLite is concerned.
  peer: async () => createSqliteStore({ file: join(dir, `store-${n}.db`) }),
});
