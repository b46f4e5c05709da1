/**
 * A publish that backfills a new default into 50,000 records runs in batches that yield to the
 * event loop: the same server keeps answering /api/health while it works. Every health answer
 * counted here came while the publish job was running (between its start and its end as the job
 * records them), and the backfill completed. Latencies are printed, not asserted.
 */
import type { Store } from '@tessera/core/store';
import { JOBS } from '../../../src/jobs';
import { recordCollectionName } from '../../../src/platform/storage-plan';
import { startTestServer, type TestServer } from '../../helpers/tessera';

const RECORDS = 50_000;
let t: TestServer;
const app = (withStage: boolean) => ({
  schemaVersion: 1,
  id: 'backfill',
  name: 'Backfill',
  entities: [
    {
      id: 'note',
      label: 'Note',
      display: 'title',
      fields: [
        { id: 'title', type: 'text' },
        ...(withStage ? [{ id: 'stage', type: 'enum', options: [{ value: 'new' }, { value: 'done' }], default: 'new' }] : []),
      ],
    },
  ],
});

beforeAll(async () => {
  t = await startTestServer();
  expect((await t.api('POST', '/api/apps', app(false))).status).toBe(201);
  expect((await t.api('POST', '/api/apps/backfill/publish', {})).status).toBe(201);
  const notes = t.running.platform.store.collection(recordCollectionName('backfill', 'note'));
  for (let from = 0; from < RECORDS; from += 5000)
    await notes.insertMany(Array.from({ length: 5000 }, (_, i) => ({ title: `Note ${from + i}` })));
}, 120_000);
afterAll(() => t.close());

it('keeps answering /api/health while 50,000 records get a new default', async () => {
  const draft = await t.api('GET', '/api/apps/backfill');
  expect((await t.api('PUT', '/api/apps/backfill', app(true), { 'if-match': `"${draft.body.revision}"` })).status).toBe(200);

  let published = null as { status: number } | null;
  const publishing = t.api('POST', '/api/apps/backfill/publish', { note: 'stage' }).then((r) => (published = r));
  const answers: Array<{ at: number; ms: number }> = [];
  while (!published) {
    const started = performance.now();
    const res = await fetch(`${t.url}/api/health`);
    expect((await res.json()).status).toBe('ok');
    const at = Date.now();
    if (!published) answers.push({ at, ms: performance.now() - started });
    await new Promise((r) => setTimeout(r, 10));
  }
  await publishing;
  expect(published!.status).toBe(201);

  const store: Store = t.running.platform.store;
  const [job] = (
    await store.collection(JOBS).find({
      filter: { queue: 'publish', 'payload.appId': 'backfill', status: 'done' },
      sort: [{ field: 'createdAt', dir: 'desc' }],
      limit: 1,
    })
  ).items;
  expect(job).toMatchObject({ status: 'done', progress: { processed: RECORDS, total: RECORDS } });
  const [from, to] = [Date.parse(job.startedAt as string), Date.parse(job.finishedAt as string)];
  // The answers given while the job ran (on a loaded machine the publish request can take a while to start it).
  const during = answers.filter((a) => a.at >= from && a.at <= to);
  expect(during.length).toBeGreaterThanOrEqual(10);
  const notes = store.collection(recordCollectionName('backfill', 'note'));
  expect(await notes.count({ stage: 'new' })).toBe(RECORDS);
  const sorted = during.map((a) => a.ms).sort((a, b) => a - b);
  process.stdout.write(
    `/api/health during a ${RECORDS.toLocaleString('en')}-record backfill (${((to - from) / 1000).toFixed(1)} s): ${during.length} answers, ` +
      `median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms\n`,
  );
}, 180_000);
