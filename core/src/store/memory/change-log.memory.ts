import type { ChangeLog, LogEntry, LogReadOptions } from '../store.port';
import { InvalidQueryError } from '../store.errors';
import { copyOut, toJson } from './memory.context';

/** The log's state: a transaction snapshots and restores it with the collections. */
export interface LogState {
  entries: LogEntry[];
  lastSeq: number;
  positions: Map<string, number>;
}

export const emptyLog = (): LogState => ({ entries: [], lastSeq: 0, positions: new Map() });
export const copyLog = (s: LogState): LogState => ({ entries: [...s.entries], lastSeq: s.lastSeq, positions: new Map(s.positions) });

/** What a log handle needs from its store: the state, how to run an operation, where appends are announced. */
export interface LogHost {
  log(): LogState;
  run<T>(op: () => T): Promise<T>;
  /** Called after an append outside a transaction; a transaction announces once it commits. */
  appended(): void;
  listeners: Set<(lastSeq: number) => void>;
}

const seqArg = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new InvalidQueryError(`${name} must be a non-negative integer`);
  return v;
};

/** The ChangeLog of the memory store: an array in seq order. */
export function memoryChangeLog(host: LogHost): ChangeLog {
  return {
    append: (entries) => host.run(() => {
      if (!Array.isArray(entries)) throw new InvalidQueryError('append needs an array of { topic, data }');
      for (const e of entries) if (typeof e?.topic !== 'string' || e.topic.length === 0) throw new InvalidQueryError('a log entry needs a topic');
      const state = host.log();
      const at = new Date().toISOString();
      const added = entries.map((e) => ({ seq: ++state.lastSeq, topic: e.topic, at, data: toJson(e.data ?? null) }));
      state.entries.push(...added);
      if (added.length) host.appended();
      return added.map(copyOut);
    }),
    read: (afterSeq, options: LogReadOptions = {}) => host.run(() => {
      seqArg(afterSeq, 'afterSeq');
      const limit = options.limit ?? 1000;
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new InvalidQueryError('limit must be an integer from 1 to 10000', '/limit');
      const topics = options.topics ? new Set(options.topics) : null;
      const out: LogEntry[] = [];
      for (const e of host.log().entries) {
        if (e.seq <= afterSeq || (topics && !topics.has(e.topic))) continue;
        out.push(copyOut(e));
        if (out.length === limit) break;
      }
      return out;
    }),
    lastSeq: () => host.run(() => host.log().lastSeq),
    firstSeq: () => host.run(() => host.log().entries[0]?.seq ?? host.log().lastSeq + 1),
    position: (consumer) => host.run(() => host.log().positions.get(consumer) ?? 0),
    setPosition: (consumer, seq) => host.run(() => {
      if (typeof consumer !== 'string' || consumer.length === 0) throw new InvalidQueryError('a consumer needs a name');
      host.log().positions.set(consumer, seqArg(seq, 'seq'));
    }),
    trim: (beforeSeq) => host.run(() => {
      seqArg(beforeSeq, 'beforeSeq');
      const state = host.log();
      const keep = state.entries.filter((e) => e.seq >= beforeSeq);
      const removed = state.entries.length - keep.length;
      state.entries = keep;
      return removed;
    }),
    onAppend: (listener) => {
      host.listeners.add(listener);
      return () => void host.listeners.delete(listener);
    },
  };
}
