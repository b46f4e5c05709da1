/**
 * Webhook deliveries across real crashes: a `tessera start` child takes signed deliveries from four
 * concurrent senders and is SIGKILLed mid-stream, four times. Every delivery that was answered
 * 2xx is in the store afterwards, none is stored twice, and a sender redelivering everything it
 * sent (what a customer's system does after a timeout) gets 200 for what was stored and 201 for
 * what was not, still one stored event per delivery.
 */
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { openStore } from '../../src/store';
import { WEBHOOK_EVENTS } from '../../src/platform/webhooks/webhook-events';
import { contactsApp, startTestServer } from '../helpers/tessera';
import { startChild, type ChildServer } from '../helpers/tessera-child';

const APP = 'hook-crash';
const SECRET = 'whsec-crash-7c1d9e';
const CYCLES = 4;
const ACKS_BEFORE_KILL = 25;

const sign = (body: string) => 'sha256=' + createHmac('sha256', SECRET).update(body).digest('hex');

async function deliver(url: string, eventId: string): Promise<number | 'no answer'> {
  const body = JSON.stringify({ orderId: eventId, total: 1 });
  try {
    const res = await fetch(`${url}/api/hooks/${APP}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': sign(body), 'x-event-id': eventId },
      body,
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 'no answer'; // the server died with this request in flight
  }
}

/** Every stored delivery's event id, read from the SQLite file with the server down. */
async function storedEventIds(dataDir: string): Promise<string[]> {
  const store = await openStore({ dataDir });
  try {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.collection(WEBHOOK_EVENTS).find({ limit: 500, cursor });
      ids.push(...page.items.map((d) => d.eventId as string));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  } finally {
    await store.close();
  }
}

it('loses no acknowledged delivery and stores none twice when the server is killed mid-stream', async () => {
  const setup = await startTestServer();
  const { dataDir } = setup;
  const app = {
    ...contactsApp(APP),
    connections: [
      {
        id: 'orders',
        connector: 'webhook@^1.0.0',
        credential: 'hookSecret',
        config: { signature: 'hmac-sha256', signaturePrefix: 'sha256=', eventIdHeader: 'X-Event-Id' },
      },
    ],
  };
  expect((await setup.api('POST', '/api/apps', app)).status).toBe(201);
  expect((await setup.api('POST', `/api/apps/${APP}/publish`, {})).status).toBe(201);
  expect((await setup.api('PUT', `/api/apps/${APP}/credentials/hookSecret`, { type: 'bearer', token: SECRET })).status).toBe(201);
  await setup.running.stop();

  const sent: string[] = [];
  const acked = new Set<string>();
  let child: ChildServer | undefined;
  try {
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      child = await startChild(dataDir);
      const server = child;
      let n = 0;
      let ackedThisCycle = 0;
      let killing: Promise<void> | undefined;
      const sender = async () => {
        while (!killing) {
          const id = `c${cycle}-${n++}`;
          sent.push(id);
          const status = await deliver(server.url, id);
          if (status === 201 || status === 200) {
            acked.add(id);
            if (++ackedThisCycle >= ACKS_BEFORE_KILL) killing ??= server.kill();
          } else if (status !== 'no answer') throw new Error(`delivery ${id} answered ${status}`);
        }
      };
      await Promise.all([sender(), sender(), sender(), sender()]);
      await killing;
    }

    const afterKills = await storedEventIds(dataDir);
    console.log(`${CYCLES} kills: ${sent.length} deliveries sent, ${acked.size} acknowledged, ${afterKills.length} stored`);
    expect(new Set(afterKills).size).toBe(afterKills.length); // none twice
    expect([...acked].filter((id) => !afterKills.includes(id))).toEqual([]); // none acknowledged and lost

    // The senders redeliver everything: what was stored is a duplicate, what was not is stored now.
    child = await startChild(dataDir);
    const answers = new Map<string, number | 'no answer'>();
    for (const id of sent) answers.set(id, await deliver(child.url, id));
    await child.kill();
    for (const id of sent) expect([id, answers.get(id)]).toEqual([id, afterKills.includes(id) ? 200 : 201]);
    const stored = await storedEventIds(dataDir);
    expect(stored.sort()).toEqual([...sent].sort());
  } finally {
    await child?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
