/**
 * Bounds on open live streams: each holds a socket and a listener, so a process takes at most
 * `maxTotal` (503 beyond) and one user at most `maxPerUser` (429 beyond: a tab leak, not load);
 * and each stream's unsent output at most `maxBufferedBytes`: a client that stops reading is
 * dropped (with a `reset`, so it reloads when it comes back) instead of growing the server.
 */
export class LiveLimits {
  private total = 0;
  private readonly perUser = new Map<string, number>();
  private readonly streams = new Set<() => void>();

  constructor(
    public maxTotal = 1000,
    public maxPerUser = 20,
    /** Comment line sent this often, so proxies keep the connection and dead clients are noticed. */
    public heartbeatMs = 15_000,
    /** Output a stream may hold for a client that does not read (10 managers' stalled tabs grew a server by 1 GB). */
    public maxBufferedBytes = 1_000_000,
    /** How long a dropped stream may take to flush its reset before its socket is closed. */
    public dropGraceMs = 10_000,
  ) {}

  acquire(userId: string): 'ok' | 'process' | 'user' {
    if (this.total >= this.maxTotal) return 'process';
    const n = this.perUser.get(userId) ?? 0;
    if (n >= this.maxPerUser) return 'user';
    this.total++;
    this.perUser.set(userId, n + 1);
    return 'ok';
  }

  release(userId: string): void {
    this.total = Math.max(0, this.total - 1);
    const n = (this.perUser.get(userId) ?? 1) - 1;
    if (n <= 0) this.perUser.delete(userId);
    else this.perUser.set(userId, n);
  }

  /** An open stream's way to end itself cleanly (on shutdown); returns the function that forgets it. */
  track(end: () => void): () => void {
    this.streams.add(end);
    return () => this.streams.delete(end);
  }

  /** Ends every open stream: their clients reconnect (to this server once it is back, or another). */
  endAll(): void {
    for (const end of [...this.streams]) end();
  }

  get open(): number {
    return this.total;
  }
}
