import type { ChangeLog } from '@tessera/core/store';

/**
 * Keeps the change log bounded by age: every `everyMs` it notes the last seq the feed has seen
 * and when, and trims everything up to the newest note older than `retentionMs` (those entries
 * were all appended before that note). The log has no time index, so the notes stand in for one.
 */
export class LogTrimmer {
  private readonly notes: Array<{ seq: number; at: number }> = [];
  private lastNote = -Infinity;
  running: Promise<void> = Promise.resolve();

  constructor(
    private readonly log: ChangeLog,
    private readonly retentionMs: number,
    private readonly everyMs: number,
  ) {}

  tick(seenSeq: number, onError: (err: unknown) => void, now = Date.now()): void {
    if (now - this.lastNote < this.everyMs) return;
    this.lastNote = now;
    this.notes.push({ seq: seenSeq, at: now });
    let cut = -1;
    for (let i = 0; i < this.notes.length && this.notes[i].at <= now - this.retentionMs; i++) cut = i;
    if (cut < 0) return;
    const { seq } = this.notes[cut];
    this.notes.splice(0, cut + 1);
    this.running = this.log.trim(seq + 1).then(() => undefined, onError);
  }
}
