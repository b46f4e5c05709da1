import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Draft } from '@tessera/core';
import { withRenamedField } from '@tessera/core/renames';
import { withPlatform } from '../src/cli/offline';
import { recordCollectionName } from '../src/platform/storage-plan';
import { contactsApp } from './helpers/tessera';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'runtime/bin/tessera.js');

async function tessera(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('tessera CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('validate prints ok for the example app', async () => {
    const res = await tessera(['validate', 'examples/b2b-sales/app.json']);
    expect(res.stdout.trim()).toBe('ok');
    expect(res.code).toBe(0);
  });

  it('validate prints every error as /pointer: message and exits 1', async () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        id: 'bad-app',
        name: 'Bad',
        entities: [
          {
            id: 'a',
            label: 'A',
            fields: [
              { id: 'x', type: 'strng' },
              { id: 'y', type: 'relation', to: 'nowhere' },
            ],
          },
        ],
      }),
    );
    const res = await tessera(['validate', file]);
    expect(res.code).toBe(1);
    const lines = res.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line).toMatch(/^\/\S*: .+/);
    expect(res.stdout).toMatch(/\/entities\/0\/fields\/0\/type: .*strng/);
  });

  it('validate reports a file that is not JSON', async () => {
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{ nope');
    const res = await tessera(['validate', file]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/JSON/);
  });

  it('imports, publishes and exports an app through the data directory', async () => {
    const dataDir = path.join(dir, 'data');
    const env = { TESSERA_DATA_DIR: dataDir, TESSERA_ADMIN_PASSWORD: 'not used here' };
    const imported = await tessera(['import', 'examples/b2b-sales/app.json', '--publish'], env);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/Created app "b2b-sales"/);
    expect(imported.stdout).toMatch(/Published "b2b-sales" version 1/);
    const out = path.join(dir, 'export.json');
    const exported = await tessera(['export', 'b2b-sales', '-o', out], env);
    expect(exported.code).toBe(0);
    const original = JSON.parse(fs.readFileSync(path.join(root, 'examples/b2b-sales/app.json'), 'utf8'));
    const roundTrip = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(roundTrip.id).toBe('b2b-sales');
    expect(roundTrip.entities.map((e: { id: string }) => e.id)).toEqual(original.entities.map((e: { id: string }) => e.id));
    const missing = await tessera(['export', 'nope'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no app "nope"/);
  });

  it("import --rename --publish moves the renamed field's data, as a rename in the builder does", async () => {
    const dataDir = path.join(dir, 'renames');
    const env = { TESSERA_DATA_DIR: dataDir, TESSERA_ADMIN_PASSWORD: 'not used here' };
    const v1 = path.join(dir, 'v1.json');
    fs.writeFileSync(v1, JSON.stringify(contactsApp('cli-ren')));
    expect((await tessera(['import', v1, '--publish'], env)).code).toBe(0);
    const contacts = (p: Parameters<Parameters<typeof withPlatform>[1]>[0]) =>
      p.store.collection(recordCollectionName('cli-ren', 'contact'));
    await withPlatform(dataDir, async (p) => void (await contacts(p).insertMany([{ lastName: 'Lovelace' }, { lastName: 'Hopper' }])));

    const v2 = path.join(dir, 'v2.json');
    fs.writeFileSync(v2, JSON.stringify(withRenamedField(contactsApp('cli-ren') as Draft, 'contact', 'lastName', 'surname')));
    // A rename that moves nothing (a typo) is refused before anything is published.
    const typo = await tessera(['import', v2, '--rename', 'contact.lastname=surname', '--publish'], env);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/--rename contact.lastname=surname moves no stored data/);
    expect(typo.stderr).toMatch(/nothing was published/);
    expect((await tessera(['import', v2, '--rename', 'lastName'], env)).stderr).toMatch(/is not a rename/);

    const res = await tessera(['import', v2, '--rename', 'contact.lastName=surname', '--publish'], env);
    expect(res.stderr).toBe('');
    expect(res.stdout).toMatch(/Moving stored data for: contact.lastName -> surname/);
    expect(res.stdout).toMatch(/Published "cli-ren" version 2/);
    const after = await withPlatform(dataDir, async (p) => (await contacts(p).find({ limit: 10 })).items);
    expect(after.map((r) => [r.surname, 'lastName' in r]).sort()).toEqual([
      ['Hopper', false],
      ['Lovelace', false],
    ]);
  });
});
