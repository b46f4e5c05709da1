/**
 * Hardening 20: a unique email is unique whatever its letter case ("Ann@x.com" and "ann@x.com"
 * are one person), and a text field can ask for the same (`ignoreCase`). Values are kept as
 * typed. The records API, CSV import and publishing all refuse the clash with a clear message;
 * data stored before this rule (duplicates that differ only in case) keeps the app working.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Running } from '../../src/cli/start';
import { ADMIN, apiFor, startOn, startTestServer, type TestServer } from '../helpers/tessera';
import { publishApp } from '../helpers/members';
import { recordCollectionName } from '../../src/platform/storage-plan';
import { registerSearchWords } from '../../src/store/sqlite/search-index.sqlite';

const app = (code: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  id: 'school',
  name: 'School',
  entities: [
    {
      id: 'student',
      label: 'Student',
      fields: [
        { id: 'email', type: 'email', unique: true },
        { id: 'code', type: 'text', unique: true, ...code },
      ],
    },
  ],
});
const students = '/api/apps/school/data/student';

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('gave up waiting');
}

describe('unique regardless of letter case', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await publishApp(t, app({ ignoreCase: true }));
  });
  afterAll(() => t.close());

  it('refuses an email or an ignoreCase code that differs only in case, naming the entity and field, and keeps values as typed', async () => {
    const ann = await t.api('POST', students, { email: 'Ann.Lee@Example.com', code: 'AB-1' });
    expect(ann.status).toBe(201);
    expect(ann.body.email).toBe('Ann.Lee@Example.com');
    const again = await t.api('POST', students, { email: 'ann.lee@example.com' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/student.*email/);
    expect(again.body.detail).not.toMatch(/r[0-9a-f]{12}_/); // no internal collection name
    expect((await t.api('POST', students, { email: 'other@example.com', code: 'ab-1' })).status).toBe(409);
    const bob = await t.api('POST', students, { email: 'bob@example.com' });
    expect((await t.api('PATCH', `${students}/${bob.body.id}`, { email: 'ANN.LEE@example.com' })).status).toBe(409);
    expect((await t.api('GET', `${students}?count=exact&limit=1`)).body.total).toBe(2);
  });

  it('reports a CSV row that clashes with a stored value or an earlier line only by case, and imports the rest', async () => {
    const res = await fetch(`${t.url}${students}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await newKey(t)}`, 'content-type': 'text/csv' },
      body: 'email,code\nBOB@example.com,X1\ncy@example.com,X2\nCY@EXAMPLE.COM,X3\ndee@example.com,x2\n',
    });
    expect(res.status).toBe(202);
    const { jobId } = await res.json();
    const job = await until(
      async () => (await t.api('GET', `/api/apps/school/imports/${jobId}`)).body,
      (j) => j.status !== 'running',
    );
    expect(job).toMatchObject({ status: 'done', total: 4, created: 1, failed: 3 });
    expect(job.errors.map((e: { line: number; field: string; code: string }) => [e.line, e.field, e.code])).toEqual([
      [2, 'email', 'unique'],
      [4, 'email', 'duplicateInFile'],
      [5, 'code', 'duplicateInFile'],
    ]);
  });

  it('a publish that makes a text field ignore case over values that differ only in case is refused, and changes nothing', async () => {
    const t2 = await startTestServer();
    try {
      await publishApp(t2, app());
      for (const code of ['AB-1', 'ab-1']) expect((await t2.api('POST', students, { code })).status).toBe(201);
      expect((await t2.api('PUT', '/api/apps/school', app({ ignoreCase: true }))).status).toBe(200);
      const refused = await t2.api('POST', '/api/apps/school/publish', {});
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toBe(
        '"student" cannot get a unique code (ignoring letter case): 2 records have "AB-1" (ignoring letter case); nothing was changed',
      );
      expect((await t2.api('GET', '/api/apps/school/versions')).body.items).toHaveLength(1);
      expect((await t2.api('POST', students, { code: 'AB-1' })).status).toBe(409); // still unique as typed
      expect((await t2.api('POST', students, { code: 'Ab-1' })).status).toBe(201);
    } finally {
      await t2.close();
    }
  });
});

async function newKey(t: TestServer): Promise<string> {
  const admin = await t.running.platform.accounts.findUserByEmail(ADMIN.email);
  return (await t.running.platform.accounts.createApiKey(admin!.id, 'csv')).key;
}

describe('emails stored before uniqueness ignored case', () => {
  let again: Running | undefined;
  let dataDir = '';
  afterAll(async () => {
    await again?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keep the app working: the server starts, says why the email stays unique as typed, and serves the records', async () => {
    const first = await startTestServer();
    dataDir = first.dataDir;
    await publishApp(first, app());
    for (const email of ['ann@example.com', 'bob@example.com']) expect((await first.api('POST', students, { email })).status).toBe(201);
    const key = await newKey(first);
    await first.running.stop();
    // As an older Tessera (whose email index was case-sensitive) could have stored them.
    const db = new Database(path.join(dataDir, 'tessera.db'));
    registerSearchWords(db);
    const table = recordCollectionName('school', 'student');
    // (its indexes are made again at start from the definition: drop them so the data can be shaped)
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE 'tx_%'")
      .pluck()
      .all(table);
    for (const index of indexes) db.exec(`DROP INDEX "${index as string}"`);
    db.prepare(
      `UPDATE "${table}" SET doc = json_set(doc, '$.email', 'ANN@example.com') WHERE json_extract(doc, '$.email') = 'bob@example.com'`,
    ).run();
    db.close();

    const printed: string[] = [];
    again = await startOn(dataDir, (line) => printed.push(line));
    expect(printed.join('\n')).toContain(
      '"school": records of "student" hold email values that differ only in letter case, so it stays unique as typed; make them different and publish again to have letter case ignored',
    );
    const api = apiFor(again.url, key);
    expect((await api('GET', `${students}?count=exact`)).body.total).toBe(2);
    expect((await api('POST', students, { email: 'ann@example.com' })).status).toBe(409); // unique as typed still holds
    expect((await fetch(`${again.url}/api/health`).then((r) => r.json())).status).toBe('ok');
  }, 60_000);
});
