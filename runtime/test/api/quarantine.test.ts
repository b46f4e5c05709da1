/**
 * Hardening 2: a stored app whose storage cannot be brought up to date at start (here: duplicate
 * values under a unique field, as data written around the index by hand or by an older Tessera
 * leaves them) no longer keeps the server from starting. The server starts, says why on the
 * console, serves every other app, answers that app's records with 503 and the reason, reports
 * it in health, and serves it again once a fixed version is published.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Running } from '../../src/cli/start';
import { ADMIN, apiFor, startOn, startTestServer } from '../helpers/tessera';
import { publishApp } from '../helpers/members';
import { recordCollectionName } from '../../src/platform/storage-plan';
import { registerSearchWords } from '../../src/store/sqlite/search-index.sqlite';

const people = (id: string, unique: boolean) => ({
  schemaVersion: 1,
  id,
  name: id,
  entities: [{ id: 'person', label: 'Person', fields: [{ id: 'email', type: 'text', unique }] }],
});

describe('an app whose storage cannot be upgraded at start', () => {
  let again: Running | undefined;
  let dataDir = '';
  afterAll(async () => {
    await again?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is quarantined: the server starts, the other apps are served, and a new version is served again', async () => {
    const first = await startTestServer();
    dataDir = first.dataDir;
    await publishApp(first, people('broken', true));
    await publishApp(first, people('fine', true));
    for (const email of ['ann@example.com', 'bob@example.com']) {
      expect((await first.api('POST', '/api/apps/broken/data/person', { email })).status).toBe(201);
    }
    const admin = await first.running.platform.accounts.findUserByEmail(ADMIN.email);
    const { key } = await first.running.platform.accounts.createApiKey(admin!.id, 'quarantine');
    await first.running.stop();

    // Around the index, as only a hand edit (or an older version's bug) could: two people, one email.
    const db = new Database(path.join(dataDir, 'tessera.db'));
    registerSearchWords(db); // the search index's triggers call it
    const table = recordCollectionName('broken', 'person');
    const index = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND instr(name, '__u_') > 0")
      .pluck()
      .get(table) as string;
    db.exec(`DROP INDEX "${index}"`);
    db.prepare(`UPDATE "${table}" SET doc = json_set(doc, '$.email', 'ann@example.com')`).run();
    db.close();

    const printed: string[] = [];
    again = await startOn(dataDir, (line) => printed.push(line));
    const url = again.url;
    const api = apiFor(url, key);
    expect(printed.join('\n')).toMatch(/App "broken" \(v1\) is not served: .*duplicate values.*publish again/);

    const refused = await api('GET', '/api/apps/broken/data/person');
    expect(refused.status).toBe(503);
    expect(refused.body.detail).toMatch(/^app "broken" is not served: .*email.*duplicate values.*publish again/);
    expect((await api('POST', '/api/apps/broken/data/person', { email: 'cy@example.com' })).status).toBe(503);
    expect((await api('GET', '/api/apps/fine/data/person')).status).toBe(200);
    const health = await fetch(`${url}/api/health`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'degraded', quarantined: ['broken'] });
    // The records are still there.
    const raw = new Database(path.join(dataDir, 'tessera.db'), { readonly: true });
    expect(raw.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get()).toBe(2);
    raw.close();

    // The fix: a version without the constraint the data breaks.
    const draft = await api('GET', '/api/apps/broken');
    const saved = await api('PUT', '/api/apps/broken', people('broken', false));
    expect([draft.status, saved.status]).toEqual([200, 200]);
    expect((await api('POST', '/api/apps/broken/publish', {})).status).toBe(201);
    const served = await api('GET', '/api/apps/broken/data/person?count=exact');
    expect(served.status).toBe(200);
    expect(served.body.total).toBe(2);
    expect(await fetch(`${url}/api/health`).then((r) => r.json())).toMatchObject({ status: 'ok' });
  }, 60_000);
});

describe('a publish with expressions that cannot run within the expression limits', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    t = await startTestServer();
    await publishApp(t, people('pads', false));
  });
  afterAll(() => t.close());

  it('is refused with each pointer and the limit it passes (a computed field, a default); the live version and its records stay', async () => {
    expect((await t.api('POST', '/api/apps/pads/data/person', { email: 'ann@example.com' })).status).toBe(201);
    const def = people('pads', false);
    def.entities[0].fields.push(
      { id: 'huge', type: 'computed', expression: { $expr: '$length($pad("x", 200000000))' } } as never,
      { id: 'fine', type: 'computed', expression: { $expr: 'email & "!"' } } as never,
      { id: 'note', type: 'text', default: { $expr: '$join([1..200000].$string())' } } as never,
    );
    expect((await t.api('PUT', '/api/apps/pads', def)).status).toBe(200);
    const res = await t.api('POST', '/api/apps/pads/publish', {});
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      {
        pointer: '/entities/0/fields/1/expression',
        message: expect.stringMatching(
          /^this expression goes past its limits on sample records \(expression built a string that is too long/,
        ),
      },
      {
        pointer: '/entities/0/fields/3/default',
        message: expect.stringMatching(
          /^this default goes past its limits \(expression built a sequence that is too long .*every new record without "note" would be refused$/,
        ),
      },
    ]);
    expect((await t.api('GET', '/api/apps/pads/versions')).body.items.map((v: { version: number }) => v.version)).toEqual([1]);
    const rows = await t.api('GET', '/api/apps/pads/data/person');
    expect(rows.body.items).toEqual([expect.objectContaining({ email: 'ann@example.com' })]);
    expect(rows.body.items[0]).not.toHaveProperty('fine'); // v1 is still the live version
  });
});
