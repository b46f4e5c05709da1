import type { ChangeLog, LogEntry, LogReadOptions } from '../store.port';
import { checkConsumer, checkSeq, encodeEntries, readOptions } from '../shared/log.validate';
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

/** The ChangeLog of the memory store: an array in seq order. */
export function memoryChangeLog(host: LogHost): ChangeLog {
  return {
    append: (entries) =>
      host.run(() => {
        const checked = encodeEntries(entries); // the same names and bounds as every adapter's log
        const state = host.log();
        const at = new Date().toISOString();
        const added = checked.map((e) => ({ seq: ++state.lastSeq, topic: e.topic, at, data: toJson(e.data) }));
        state.entries.push(...added);
        if (added.length) host.appended();
        return added.map(copyOut);
      }),
    read: (afterSeq, options: LogReadOptions = {}) =>
      host.run(() => {
        checkSeq(afterSeq, 'afterSeq');
        const { limit, topics: topicList } = readOptions(options);
        const topics = topicList ? new Set(topicList) : null;
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
    position: (consumer) => host.run(() => host.log().positions.get(checkConsumer(consumer)) ?? 0),
    setPosition: (consumer, seq) =>
      host.run(() => {
        host.log().positions.set(checkConsumer(consumer), checkSeq(seq, 'seq'));
      }),
    trim: (beforeSeq) =>
      host.run(() => {
        checkSeq(beforeSeq, 'beforeSeq');
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
