import http from 'node:http';
import { startTestServer, type TestServer } from '../helpers/tessera';
import { addMember, publishApp, rbacApp, type TestMember } from '../helpers/members';
import { openSse, type SseEvent, type SseStream } from '../helpers/sse';

let t: TestServer;
let rep1: TestMember, rep2: TestMember, auditor: TestMember, stranger: TestMember;
const base = '/api/apps/live/data/deal';
const open: SseStream[] = [];

async function live(m: TestMember, headers: Record<string, string> = {}, query = ''): Promise<SseStream> {
  const s = await openSse(`${t.url}/api/apps/live/live${query}`, { authorization: `Bearer ${m.key}`, ...headers });
  open.push(s);
  return s;
}
const changeOf = (name: string) => (e: SseEvent) => e.event === 'change' && e.data?.record?.name === name;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  t = await startTestServer();
  await publishApp(t, rbacApp('live'));
  rep1 = await addMember(t, 'live', { email: 'rep1@t.test', roles: ['rep'] });
  rep2 = await addMember(t, 'live', { email: 'rep2@t.test', roles: ['rep'] });
  auditor = await addMember(t, 'live', { email: 'auditor@t.test', roles: ['auditor'] });
  stranger = await addMember(t, 'live', { email: 'stranger@t.test' });
});
afterEach(() => open.splice(0).forEach((s) => s.close()));
afterAll(() => t.close());

describe('live updates (SSE)', () => {
  it('sends each subscriber only what their role may read, without hidden fields', async () => {
    const r1 = await live(rep1);
    const au = await live(auditor);
    expect(r1.status).toBe(200);
    await pause(50);
    await t.api('POST', base, { name: 'For rep2', margin: 0.4, notes: 'n', owner: 'rep2@t.test' });
    await t.api('POST', base, { name: 'For rep1', margin: 0.5, notes: 'n', owner: 'rep1@t.test' });
    const mine = await r1.next(changeOf('For rep1'));
    expect(mine.data).toMatchObject({ type: 'created', entity: 'deal', version: 1, record: { owner: 'rep1@t.test', notes: 'n' } });
    expect(mine.data.record).not.toHaveProperty('margin');
    expect(r1.events.some(changeOf('For rep2'))).toBe(false);
    const seen = await au.next(changeOf('For rep2'));
    expect(seen.data.record).not.toHaveProperty('margin');
    expect(seen.data.record).not.toHaveProperty('notes');
    await au.next(changeOf('For rep1'));
    expect(JSON.stringify([...r1.events, ...au.events])).not.toMatch(/margin/);
    expect(Number(mine.id)).toBeGreaterThan(0);
  });

  it('tells a subscriber a record left their rows (as deleted), and sends deletes and publishes', async () => {
    const r1 = await live(rep1);
    await pause(50);
    const deal = await t.api('POST', base, { name: 'Moving', owner: 'rep1@t.test' });
    await r1.next(changeOf('Moving'));
    await t.api('PATCH', `${base}/${deal.body.id}`, { owner: 'rep2@t.test' });
    const left = await r1.next((e) => e.event === 'change' && e.data.type === 'deleted' && e.data.id === deal.body.id);
    expect(left.data).toEqual({ type: 'deleted', entity: 'deal', id: deal.body.id, version: 2 });
    const gone = await t.api('POST', base, { name: 'Gone', owner: 'rep1@t.test' });
    await t.api('DELETE', `${base}/${gone.body.id}`);
    const del = await r1.next((e) => e.data?.type === 'deleted' && e.data.id === gone.body.id);
    expect(del.data.record).toBeUndefined();
    await t.api('POST', '/api/apps/live/publish', {});
    expect((await r1.next((e) => e.event === 'published')).data).toEqual({ version: 2 });
  });

  it("does not stream a publish's backfill record by record: the published change that follows it makes apps reload", async () => {
    for (let i = 0; i < 5; i++) await t.api('POST', base, { name: `Backfilled ${i}`, owner: 'rep1@t.test' });
    const r1 = await live(rep1);
    await pause(50);
    const draft = await t.api('GET', '/api/apps/live');
    const v2 = structuredClone(draft.body.draft) as { entities: Array<{ id: string; fields: unknown[] }> };
    v2.entities.find((e) => e.id === 'deal')!.fields.push({ id: 'region', type: 'text', default: 'north' });
    expect((await t.api('PUT', '/api/apps/live', { definition: v2 }, { 'if-match': `"${draft.body.revision}"` })).status).toBe(200);
    expect((await t.api('POST', '/api/apps/live/publish', {})).status).toBe(201);
    await r1.next((e) => e.event === 'published');
    const after = await t.api('POST', base, { name: 'After the publish', owner: 'rep1@t.test' });
    expect((await r1.next(changeOf('After the publish'))).data.record).toMatchObject({ id: after.body.id, region: 'north' });
    // The five backfilled deals changed in storage (region: north) but none came as a change event.
    expect(r1.events.filter((e) => e.event === 'change').map((e) => e.data.record?.name)).toEqual(['After the publish']);
    const stored = await t.api('GET', `${base}?filter=${encodeURIComponent(JSON.stringify({ region: 'north' }))}&limit=100`);
    expect(stored.body.items.length).toBeGreaterThanOrEqual(6);
  });

  it('replays what a reconnecting client missed after Last-Event-ID, filtered; a too-old id gets reset', async () => {
    const r1 = await live(rep1);
    await pause(50);
    await t.api('POST', base, { name: 'Before', owner: 'rep1@t.test' });
    const last = await r1.next(changeOf('Before'));
    r1.close();
    await t.api('POST', base, { name: 'Missed 1', owner: 'rep1@t.test' });
    await t.api('POST', base, { name: 'Not mine', owner: 'rep2@t.test' });
    await t.api('POST', base, { name: 'Missed 2', owner: 'rep1@t.test' });
    const again = await live(rep1, { 'last-event-id': last.id! });
    await again.next(changeOf('Missed 2'));
    const names = again.events.filter((e) => e.event === 'change').map((e) => e.data.record.name);
    expect(names).toEqual(['Missed 1', 'Missed 2']);
    const ids = again.events.filter((e) => e.id).map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const stale = await live(rep1, { 'last-event-id': '1' });
    expect((await stale.next((e) => e.event === 'reset')).id).toBeDefined();
    const bad = await live(rep1, { 'last-event-id': 'yesterday' });
    expect(bad.status).toBe(400);
  });

  it('filters by entity when asked, and pings', async () => {
    t.running.platform.liveLimits.heartbeatMs = 100;
    try {
      const accounts = await live(auditor, {}, '?entities=account');
      await pause(50);
      await t.api('POST', base, { name: 'Deal only', owner: 'rep1@t.test' });
      await t.api('POST', '/api/apps/live/data/account', { name: 'Acc' });
      const acc = await accounts.next((e) => e.event === 'change');
      expect(acc.data).toMatchObject({ entity: 'account', record: { name: 'Acc' } });
      await accounts.next((e) => e.event === 'comment' && e.comment === 'ping', 2000);
      expect(accounts.events.some(changeOf('Deal only'))).toBe(false);
    } finally {
      t.running.platform.liveLimits.heartbeatMs = 15_000;
    }
  });

  it('drops a stream whose client stopped reading once its backlog passes the bound, with a reset; readers go on', async () => {
    const limits = t.running.platform.liveLimits;
    limits.maxBufferedBytes = 256_000;
    try {
      // A client that connects and then never reads (a frozen tab, a stalled proxy).
      const req = http.get(`${t.url}/api/apps/live/live`, { headers: { authorization: `Bearer ${rep1.key}` } });
      const stalled = await new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
      stalled.pause();
      const reader = await live(rep1);
      await pause(50);
      const notes = 'n'.repeat(100_000);
      for (let i = 0; i < 80; i++) expect((await t.api('POST', base, { name: `Big ${i}`, notes, owner: 'rep1@t.test' })).status).toBe(201);
      await reader.next(changeOf('Big 79'), 10_000);
      // Now the stalled client reads what was kept for it: the kernel's socket buffers (~4 MB on loopback) and the
      // server's bounded backlog, not the 8 MB written, ending in a reset.
      let received = '';
      stalled.setEncoding('utf8');
      stalled.on('data', (chunk: string) => (received += chunk));
      stalled.resume();
      await new Promise((resolve) => stalled.on('end', resolve));
      expect(received).toMatch(/event: reset\ndata: \{"reason":"slow"\}\n\n$/);
      expect(received.length).toBeLessThan(6_000_000);
      expect(reader.events.filter((e) => e.event === 'change' && /^Big /.test(e.data.record.name))).toHaveLength(80);
    } finally {
      limits.maxBufferedBytes = 1_000_000;
    }
  });

  it('refuses non-members (403), more than maxPerUser streams per user (429) and maxTotal per process (503)', async () => {
    expect((await live(stranger)).status).toBe(403);
    const limits = t.running.platform.liveLimits;
    limits.maxPerUser = 2;
    try {
      expect((await live(rep2)).status).toBe(200);
      expect((await live(rep2)).status).toBe(200);
      expect((await live(rep2)).status).toBe(429);
      limits.maxTotal = limits.open;
      const full = await live(rep1);
      expect(full.status).toBe(503);
    } finally {
      limits.maxPerUser = 20;
      limits.maxTotal = 1000;
    }
    open.splice(0).forEach((s) => s.close());
    await pause(100);
    expect(limits.open).toBe(0);
  });
});
