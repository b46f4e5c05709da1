import type { ChangeLog } from '@tessera/core/store';

export interface LogTrimmerOptions {
  /** Entries younger than this are always kept (Last-Event-ID replay, processes that fell behind). */
  retentionMs: number;
  everyMs: number;
  /**
   * Durable readers of the log (see LogConsumers): an entry a named consumer has not processed
   * yet is kept past `retentionMs`, so a workflow engine that was down for an hour misses nothing.
   */
  consumers?: () => readonly string[];
  /** …but not forever: past this age entries go even if a consumer stalled (it sees firstSeq move past it). */
  maxRetentionMs?: number;
}

const WEEK = 7 * 24 * 3600_000;

/**
 * Keeps the change log bounded by age: every `everyMs` it notes the last seq the feed has seen
 * and when, and trims everything up to the newest note older than `retentionMs` (those entries
 * were all appended before that note), or only up to the slowest named consumer's position when
 * that is earlier. The log has no time index, so the notes stand in for one.
 */
export class LogTrimmer {
  private readonly notes: Array<{ seq: number; at: number }> = [];
  private lastNote = -Infinity;
  private readonly opts: Required<LogTrimmerOptions>;
  running: Promise<void> = Promise.resolve();

  constructor(
    private readonly log: ChangeLog,
    options: LogTrimmerOptions,
  ) {
    this.opts = { consumers: () => [], maxRetentionMs: WEEK, ...options };
  }

  tick(seenSeq: number, onError: (err: unknown) => void, now = Date.now()): void {
    if (now - this.lastNote < this.opts.everyMs) return;
    this.lastNote = now;
    this.notes.push({ seq: seenSeq, at: now });
    const byAge = this.seqNotedBefore(now - this.opts.retentionMs);
    if (byAge === undefined) return;
    const forced = this.seqNotedBefore(now - this.opts.maxRetentionMs) ?? 0;
    // Notes past the hard limit are never needed again.
    while (this.notes.length > 1 && this.notes[1].at <= now - this.opts.maxRetentionMs) this.notes.shift();
    const consumers = this.opts.consumers();
    this.running = (async () => {
      let upTo = byAge;
      for (const name of consumers) upTo = Math.min(upTo, await this.log.position(name));
      upTo = Math.max(upTo, forced);
      if (upTo > 0) await this.log.trim(upTo + 1);
    })().catch(onError);
  }

  /** The seq of the newest note taken at or before `at`. */
  private seqNotedBefore(at: number): number | undefined {
    let seq: number | undefined;
    for (const note of this.notes) {
      if (note.at > at) break;
      seq = note.seq;
    }
    return seq;
  }
}
