/** Memory of another process, from Linux's /proc (the servers run as children, so their RSS is theirs alone). */
import { readFileSync } from 'node:fs';

export interface Memory {
  /** Resident set size now (VmRSS), in bytes. */
  rss: number;
  /** Peak resident set size since the process started (VmHWM), in bytes. */
  peakRss: number;
  /** Of rss, the process's own memory (RssAnon): heap, stacks. The rest is files it has mapped (RssFile, RssShmem), e.g. SQLite's memory-mapped database, which the OS drops under pressure. */
  anonRss: number;
}

function kbLine(status: string, name: string): number {
  const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!m) throw new Error(`${name} not found in /proc status`);
  return Number(m[1]) * 1024;
}

/** Throws when the process is gone or /proc is unavailable (non-Linux). */
export function readMemory(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rss: kbLine(status, 'VmRSS'), peakRss: kbLine(status, 'VmHWM'), anonRss: kbLine(status, 'RssAnon') };
}

export function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
