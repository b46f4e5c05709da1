import { MemoryChangeFeed } from './memory.change-feed';

const published = (appId: string, version: number) => ({ appId, kind: 'published' as const, version });

describe('MemoryChangeFeed', () => {
  it('hands out increasing sequence ids and delivers per app', () => {
    const feed = new MemoryChangeFeed(10, 100);
    const seen: number[] = [];
    const off = feed.subscribe('a', (c) => seen.push(c.seq));
    const first = feed.publish(published('a', 1));
    feed.publish(published('b', 1));
    feed.publish(published('a', 2));
    off();
    feed.publish(published('a', 3));
    expect(first.seq).toBe(101);
    expect(seen).toEqual([101, 103]);
    expect(feed.lastSeq).toBe(104);
  });

  it('replays what came after an id, only for the app asked', () => {
    const feed = new MemoryChangeFeed(10, 0);
    for (let i = 1; i <= 6; i++) feed.publish(published(i % 2 ? 'a' : 'b', i));
    expect(feed.since('a', 2)!.map((c) => c.seq)).toEqual([3, 5]);
    expect(feed.since('a', 6)).toEqual([]);
  });

  it('returns null (reset) once the ring has overwritten what a client missed, or for ids it never gave', () => {
    const feed = new MemoryChangeFeed(5, 0);
    for (let i = 1; i <= 12; i++) feed.publish(published('a', i));
    expect(feed.since('a', 7)!.map((c) => c.seq)).toEqual([8, 9, 10, 11, 12]);
    expect(feed.since('a', 6)).toBeNull();
    expect(feed.since('a', 99)).toBeNull();
    expect(feed.since('a', Number.NaN)).toBeNull();
  });

  it('starts after any id an earlier process could have handed out (clock-based start)', () => {
    const before = Date.now() * 1000;
    expect(new MemoryChangeFeed().lastSeq).toBeGreaterThanOrEqual(before);
  });
});
