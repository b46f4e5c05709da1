/**
 * Self-test of the baseline server and the load harness. Timings are never asserted: this only
 * proves the benchmark's moving parts work, so the real run (1M rows) is worth its time.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contactInput, contactRow } from '../data/contacts';
import { startChild } from '../lib/child';
import { measure } from '../lib/load';
import { readMemory } from '../lib/rss';
import { seedBaseline } from './seed';
import { startBaselineServer, type BaselineServer } from './server';

const KEY = 'test-key-123';
const ROWS = 1000;
const auth = { authorization: `Bearer ${KEY}` };
const json = { ...auth, 'content-type': 'application/json' };

let dir: string;
let file: string;
let server: BaselineServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-baseline-'));
  file = join(dir, 'baseline.db');
  expect(seedBaseline(file, ROWS, KEY).rows).toBe(ROWS);
  server = await startBaselineServer({ file, port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A reply's JSON body, loosely typed: the tests read whatever fields they check. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON replies read field by field in assertions
type Body = any;

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: Body }> {
  const res = await fetch(server.url + path, { ...init, headers: { ...auth, ...(init.headers as object) } });
  return { status: res.status, body: await res.json() };
}

function post(body: unknown): Promise<{ status: number; body: Body }> {
  return call('/contacts', { method: 'POST', headers: json, body: JSON.stringify(body) });
}

describe('baseline server', () => {
  it('refuses requests without a valid API key', async () => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong' }, { authorization: KEY }];
    for (const headers of attempts) {
      const res = await fetch(`${server.url}/contacts/${contactRow(1).id}`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await res.json()).title).toBe('Unauthorized');
    }
  });

  it('gets a contact by id, 404 when missing', async () => {
    const row = contactRow(7);
    const found = await call(`/contacts/${row.id}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ ...row, version: 1, updatedAt: row.createdAt });
    const missing = await call('/contacts/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ status: 404, title: 'Not Found', instance: '/contacts/nope' });
  });

  it('lists by status sorted by lastName then id, with a keyset cursor covering every row once', async () => {
    const expected = Array.from({ length: ROWS }, (_, i) => contactRow(i))
      .filter((r) => r.status === 'customer')
      .sort((a, b) => (a.lastName < b.lastName ? -1 : a.lastName > b.lastName ? 1 : a.id < b.id ? -1 : 1))
      .map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Body } = await call(`/contacts?status=customer&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(50);
      seen.push(...page.body.items.map((r: { id: string }) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it('rejects bad list parameters', async () => {
    expect((await call('/contacts?status=unknown')).status).toBe(400);
    expect((await call('/contacts?limit=0')).status).toBe(400);
    expect((await call('/contacts?limit=5000')).status).toBe(400);
    expect((await call('/contacts?cursor=garbage')).status).toBe(400);
  });

  it('creates a valid contact (201), then refuses the same email (409)', async () => {
    const input = contactInput(1, 'test');
    const created = await post(input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...input, version: 1 });
    expect((await call(`/contacts/${created.body.id}`)).body).toEqual(created.body);

    const duplicate = await post({ ...contactInput(2, 'test'), email: input.email });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toEqual([{ pointer: '/email', message: 'must be unique' }]);
  });

  it('defaults status and accepts optional fields as absent', async () => {
    const created = await post({ firstName: 'Mei', lastName: 'Wang', email: 'mei.wang@test.example.com' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'lead', phone: null, company: null, score: null });
  });

  it('validates types, required fields, email, enum, lengths and unknown fields', async () => {
    const res = await post({
      firstName: 42,
      email: 'not-an-email',
      status: 'vip',
      company: 'x'.repeat(33),
      score: 101,
      favouriteColour: 'blue',
    });
    expect(res.status).toBe(400);
    expect(res.body.status).toBe(400);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/company', '/email', '/favouriteColour', '/firstName', '/lastName', '/score', '/status']);
    expect((await post({ ...contactInput(3, 'test'), score: 1.5 })).status).toBe(400);
    expect((await post({ ...contactInput(4, 'test'), lastName: '' })).status).toBe(400);
    expect((await post([])).status).toBe(400);
    const notJson = await call('/contacts', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
    expect(notJson.status).toBe(415);
  });

  it('answers malformed JSON and unknown routes with problem+json', async () => {
    const malformed = await call('/contacts', { method: 'POST', headers: json, body: '{"firstName":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.title).toBe('Bad Request');
    const unknown = await call('/nowhere');
    expect(unknown.status).toBe(404);
    expect(unknown.body.title).toBe('Not Found');
  });
});

describe('load harness', () => {
  it('measures GETs by varying id', async () => {
    const r = await measure({
      url: `${server.url}/contacts/x`,
      headers: auth,
      paths: (i) => `/contacts/${contactRow(i % ROWS).id}`,
      connections: 4,
      durationSec: 1,
    });
    expect(r.total).toBeGreaterThan(0);
    expect(r.errors).toBe(0);
    expect(r.non2xx).toBe(0);
  });

  it('measures POSTs with a unique email per request, warm-up included', async () => {
    const r = await measure({
      url: `${server.url}/contacts`,
      method: 'POST',
      headers: auth,
      bodies: (i) => JSON.stringify(contactInput(i, 'harness')),
      connections: 4,
      warmupSec: 1,
      durationSec: 1,
    });
    expect(r.total).toBeGreaterThan(0);
    expect(r.errors).toBe(0);
    expect(r.non2xx).toBe(0); // a repeated email would show up here as 409
    expect(r.statusCodes['201']).toBe(r.total);
  });

  it('starts the server as a child process and reads its memory', async () => {
    const child = await startChild({ script: join(__dirname, 'server.ts'), args: ['--file', file, '--port', '0'] });
    try {
      const res = await fetch(`${child.url}/contacts/${contactRow(0).id}`, { headers: auth });
      expect(res.status).toBe(200);
      const mem = readMemory(child.pid);
      expect(mem.rss).toBeGreaterThan(0);
      expect(mem.peakRss).toBeGreaterThanOrEqual(mem.rss);
    } finally {
      await child.stop();
    }
    expect(child.process.exitCode !== null || child.process.signalCode !== null).toBe(true);
  });
});
