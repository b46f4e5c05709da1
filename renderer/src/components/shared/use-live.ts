import { useEffect, useRef } from 'react';
import type { LiveEvent } from '../../data/data-port';
import { useRenderer } from '../../context/renderer.context';

/**
 * A burst (a CSV import, a bulk update elsewhere) arrives as thousands of events: applied one by
 * one they would re-render the view thousands of times and freeze the tab. Past BURST events
 * within BURST_WINDOW_MS the view gets one `reset` (reload) once the burst has been quiet for
 * QUIET_MS, instead of the individual events.
 */
const BURST = 30;
const BURST_WINDOW_MS = 1000;
const QUIET_MS = 500;

/** Live events of one entity (plus `reset`); nothing on the builder canvas. */
export function useLive(entity: string | undefined, onEvent: (e: LiveEvent) => void): void {
  const { port, mode, relations } = useRenderer();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!entity || mode !== 'live') return;
    let recent: number[] = [];
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = port.subscribe((e) => {
      if (e.kind === 'change' && e.entity !== entity) return;
      if (e.kind === 'change') relations.invalidate(e.entity, e.id);
      if (e.kind === 'published') return;
      if (e.kind === 'change') {
        const now = Date.now();
        recent = recent.filter((t) => now - t < BURST_WINDOW_MS);
        recent.push(now);
        if (quiet || recent.length > BURST) {
          clearTimeout(quiet);
          quiet = setTimeout(() => {
            quiet = undefined;
            recent = [];
            handler.current({ kind: 'reset' });
          }, QUIET_MS);
          return;
        }
      }
      handler.current(e);
    });
    return () => {
      clearTimeout(quiet);
      unsubscribe();
    };
  }, [entity, mode, port, relations]);
}
