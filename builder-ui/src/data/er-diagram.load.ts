/**
 * The ER diagram's chunk (React Flow and its styles), loaded on demand or ahead of time
 * (preloadErDiagram). Rendered without React.lazy: a Suspense fallback makes React hold the
 * resolved content back for up to 300 ms (its fallback throttle), longer than the diagram takes.
 */
import { useEffect, useState } from 'react';

type ErDiagramModule = typeof import('./er-diagram');

let loaded: ErDiagramModule | undefined;
let loading: Promise<ErDiagramModule> | undefined;

export function preloadErDiagram(): Promise<ErDiagramModule> {
  loading ??= import('./er-diagram').then((m) => (loaded = m));
  return loading;
}

/** The module once loaded (at once when it already is), undefined until then. */
export function useErDiagramModule(): ErDiagramModule | undefined {
  const [mod, setMod] = useState(loaded);
  useEffect(() => {
    if (mod) return;
    let live = true;
    void preloadErDiagram().then((m) => live && setMod(m));
    return () => {
      live = false;
    };
  }, [mod]);
  return mod;
}
