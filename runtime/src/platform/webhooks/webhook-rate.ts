/** Deliveries per connection per minute (fixed window, in this process): a flooding sender gets 429s. */
export class WebhookRate {
  private windows = new Map<string, { start: number; count: number }>();

  allow(key: string, perMinute: number, now = Date.now()): boolean {
    const w = this.windows.get(key);
    if (!w || now - w.start >= 60_000) {
      if (this.windows.size > 10_000) this.windows.clear(); // bounded: stale windows are cheap to forget
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    w.count += 1;
    return w.count <= perMinute;
  }
}
