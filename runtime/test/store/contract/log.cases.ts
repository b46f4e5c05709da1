import { expect, it } from '@jest/globals';
import { StoreError } from '../../../src/store';
import type { ContractEnv } from '../contract.suite';
import { contacts } from './fixtures';

const tick = () => new Promise((r) => setTimeout(r, 10));

export function logCases(env: ContractEnv): void {
  it('appends entries with consecutive seqs after lastSeq; reads after a seq, in order, by limit and topics', async () => {
    const log = env.store().log;
    const start = await log.lastSeq();
    expect(await log.firstSeq()).toBe(start + 1); // empty
    expect(await log.read(start)).toEqual([]);
    const made = await log.append([
      { topic: 'record', data: { n: 1 } },
      { topic: 'published', data: { v: 2 } },
      { topic: 'record', data: null },
    ]);
    expect(made.map((e) => e.seq)).toEqual([start + 1, start + 2, start + 3]);
    expect(made[0]).toMatchObject({ topic: 'record', data: { n: 1 } });
    expect(Number.isNaN(Date.parse(made[0].at))).toBe(false);
    expect(await log.lastSeq()).toBe(start + 3);
    expect(await log.read(start)).toEqual(made);
    expect(await log.read(start + 1)).toEqual(made.slice(1));
    expect(await log.read(start, { limit: 1 })).toEqual(made.slice(0, 1));
    expect((await log.read(start, { topics: ['record'] })).map((e) => e.seq)).toEqual([start + 1, start + 3]);
    expect(await log.read(start + 3)).toEqual([]);
    expect(await log.append([])).toEqual([]);
  });

  it('refuses bad topics, undefined data and bad read arguments', async () => {
    const log = env.store().log;
    await expect(log.append([{ topic: 'has space', data: 1 }])).rejects.toBeInstanceOf(StoreError);
    await expect(log.append([{ topic: 'ok', data: undefined }])).rejects.toBeInstanceOf(StoreError);
    await expect(log.read(-1)).rejects.toBeInstanceOf(StoreError);
    await expect(log.read(0, { limit: 10_001 })).rejects.toBeInstanceOf(StoreError);
    await expect(log.position('')).rejects.toBeInstanceOf(StoreError);
    expect(await log.read(0)).toEqual([]); // nothing was appended
  });

  it('an append inside a transaction commits with it; in a rolled-back one it leaves nothing, and no gap', async () => {
    const store = env.store();
    const c = await contacts(store);
    const start = await store.log.lastSeq();
    await expect(
      store.transaction(async (tx) => {
        await tx.collection('contacts').insert({ id: 'x' });
        const [e] = await tx.log.append([{ topic: 'record', data: { id: 'x' } }]);
        expect((await tx.log.read(start)).map((r) => r.seq)).toEqual([e.seq]); // its own entry, inside
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await store.log.read(start)).toEqual([]);
    expect(await store.log.lastSeq()).toBe(start);
    expect(await c.get('x')).toBeNull();
    const kept = await store.transaction(async (tx) => {
      await tx.collection('contacts').insert({ id: 'y' });
      return tx.log.append([{ topic: 'record', data: { id: 'y' } }]);
    });
    expect(kept[0].seq).toBe(start + 1);
    expect(await store.log.read(start)).toEqual(kept);
  });

  it('concurrent appending transactions get distinct consecutive seqs', async () => {
    const store = env.store();
    const start = await store.log.lastSeq();
    const seqs = (
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.transaction(async (tx) => (await tx.log.append([{ topic: 't', data: i }]))[0].seq)),
      )
    ).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => start + 1 + i));
    expect((await store.log.read(start)).map((e) => e.seq)).toEqual(seqs);
  });

  it('keeps named consumer positions, committed with a transaction', async () => {
    const store = env.store();
    expect(await store.log.position('mailer')).toBe(0);
    await store.log.setPosition('mailer', 12);
    expect(await store.log.position('mailer')).toBe(12);
    expect(await store.log.position('other')).toBe(0);
    await expect(
      store.transaction(async (tx) => {
        await tx.log.setPosition('mailer', 20);
        expect(await tx.log.position('mailer')).toBe(20);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await store.log.position('mailer')).toBe(12);
    await expect(store.log.setPosition('mailer', -1)).rejects.toBeInstanceOf(StoreError);
  });

  it('positions and entries survive closing the store and opening it again; other instances read the same log', async () => {
    if (!env.peer) return;
    const store = env.store();
    const [e] = await store.log.append([{ topic: 'record', data: { a: 1 } }]);
    await store.log.setPosition('worker', e.seq);
    const live = await env.peer();
    expect(await live.log.read(e.seq - 1)).toEqual([e]); // another process's append
    await store.close();
    const again = await env.peer();
    expect(await again.log.position('worker')).toBe(e.seq);
    expect(await again.log.lastSeq()).toBe(e.seq);
    const [next] = await again.log.append([{ topic: 'record', data: { a: 2 } }]);
    expect(next.seq).toBe(e.seq + 1);
  });

  it('trim removes entries before a seq; firstSeq moves, lastSeq stays, seqs are never handed out again', async () => {
    const log = env.store().log;
    const made = await log.append([1, 2, 3, 4].map((n) => ({ topic: 't', data: n })));
    const [s1, , s3, s4] = made.map((e) => e.seq);
    expect(await log.firstSeq()).toBe(s1);
    expect(await log.trim(s3)).toBe(2);
    expect(await log.firstSeq()).toBe(s3);
    expect((await log.read(0)).map((e) => e.seq)).toEqual([s3, s4]);
    expect(await log.trim(s4 + 1)).toBe(2);
    expect(await log.lastSeq()).toBe(s4);
    expect(await log.firstSeq()).toBe(s4 + 1);
    expect((await log.append([{ topic: 't', data: 5 }]))[0].seq).toBe(s4 + 1);
  });

  it('onAppend fires after the commit, not for rolled-back appends, until unsubscribed', async () => {
    const store = env.store();
    const heard: number[] = [];
    const off = store.log.onAppend((seq) => heard.push(seq));
    const [a] = await store.log.append([{ topic: 't', data: 1 }]);
    await tick();
    expect(heard).toEqual([a.seq]);
    let inside = -1;
    const [b] = await store.transaction(async (tx) => {
      const out = await tx.log.append([{ topic: 't', data: 2 }]);
      await tick();
      inside = heard.length; // not yet: the transaction is still open
      return out;
    });
    await tick();
    expect(inside).toBe(1);
    expect(heard).toEqual([a.seq, b.seq]);
    await store
      .transaction(async (tx) => {
        await tx.log.append([{ topic: 't', data: 3 }]);
        throw new Error('undo');
      })
      .catch(() => undefined);
    await tick();
    expect(heard).toEqual([a.seq, b.seq]);
    off();
    await store.log.append([{ topic: 't', data: 4 }]);
    await tick();
    expect(heard).toEqual([a.seq, b.seq]);
  });
}
