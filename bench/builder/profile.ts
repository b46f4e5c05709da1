/**
 * `BENCH_PROFILE=<dir>`: CPU profiles of the page (CDP `Profiler`), written as .cpuprofile files
 * (open them in Chrome DevTools), and a short text summary: self time per script and the
 * functions with the most self time. `npx tsx bench/builder/profile.ts <file.cpuprofile>` prints
 * the summary of a saved profile. A non-minified build (`vite build --minify false`, served with
 * BENCH_BUILDER_DIST) gives readable function names.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The page's requests and long tasks (ms from navigation start), to see what waits on what. */
async function timeline(page: Page): Promise<string> {
  const rows = (await page.evaluate(`[
    ...performance.getEntriesByType('resource').map((e) => [e.startTime, e.responseEnd, e.name.replace(location.origin, '') + ' (' + Math.round(e.encodedBodySize / 1024) + ' KB)']),
    ...(window.__longTasks || []).map((e) => [e.startTime, e.startTime + e.duration, 'long task']),
  ]`)) as Array<[number, number, string]>;
  return rows
    .sort((a, b) => a[0] - b[0])
    .map(([a, b, what]) => `  ${a.toFixed(0).padStart(6)} → ${b.toFixed(0).padStart(6)}  ${what}`)
    .join('\n');
}

/** `withTimeline`: also list requests and long tasks (call before the page navigates). */
export async function startProfile(page: Page, withTimeline = false): Promise<(file: string) => Promise<string>> {
  if (withTimeline)
    await page.addInitScript(
      `window.__longTasks = []; new PerformanceObserver((l) => window.__longTasks.push(...l.getEntries())).observe({ type: 'longtask', buffered: true });`,
    );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async (file) => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(profile));
    return withTimeline ? `${summarise(profile)}\ntimeline:\n${await timeline(page)}` : summarise(profile);
  };
}

const short = (url: string) => url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '') || '(native)';

export function summarise(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    byScript.set(short(url), (byScript.get(short(url)) ?? 0) + ms);
    const key = `${functionName || '(anonymous)'} ${short(url)}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  return `profile ${total.toFixed(0)} ms\nself time by script:\n${list(byScript, 12)}\nself time by function:\n${list(byFunction, top)}`;
}

if (require.main === module) {
  for (const file of process.argv.slice(2)) console.log(`${file}\n${summarise(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile)}\n`);
}
