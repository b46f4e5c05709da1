import type { LiveEvent, RecordData } from '../../data/data-port';

/**
 * The record of a live change as a view should show it: the server leaves out what it cannot
 * compute for this reader (rollups over only their rows, `omitted`), so those keep the values the
 * view read for them.
 */
export function liveRecord(current: RecordData | undefined, e: Extract<LiveEvent, { kind: 'change' }>): RecordData {
  const record = e.record!;
  if (!current || !e.omitted?.length) return record;
  const kept: RecordData = { ...record };
  for (const f of e.omitted) if (f in current) kept[f] = current[f];
  return kept;
}
