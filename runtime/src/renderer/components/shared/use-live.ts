import { useEffect, useRef } from 'react';
import type { LiveEvent } from '../../data/data-port';
import { useRenderer } from '../../context/renderer.context';

/** Live events of one entity (plus `reset`); nothing on the builder canvas. */
export function useLive(entity: string | undefined, onEvent: (e: LiveEvent) => void): void {
  const { port, mode, relations } = useRenderer();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!entity || mode !== 'live') return;
    return port.subscribe((e) => {
      if (e.kind === 'change' && e.entity !== entity) return;
      if (e.kind === 'change') relations.invalidate(e.entity, e.id);
      if (e.kind !== 'published') handler.current(e);
    });
  }, [entity, mode, port, relations]);
}
