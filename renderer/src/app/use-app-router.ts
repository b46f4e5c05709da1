import { useCallback, useEffect, useState } from 'react';

/**
 * The app's path below `basePath`: the browser's history in the real app, plain state in the
 * builder's preview (which must not change the builder's own URL).
 */
export function useAppRouter(basePath: string, history: 'browser' | 'memory') {
  const read = () => {
    const p = typeof window === 'undefined' ? '/' : window.location.pathname;
    return p.startsWith(basePath) ? p.slice(basePath.length) || '/' : '/';
  };
  const [path, setPath] = useState(() => (history === 'browser' ? read() : '/'));
  useEffect(() => {
    if (history !== 'browser') return;
    const onPop = () => setPath(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [history, basePath]); // eslint-disable-line react-hooks/exhaustive-deps
  const go = useCallback(
    (to: string) => {
      if (history === 'browser') window.history.pushState(null, '', `${basePath}${to === '/' ? '/' : to}`);
      setPath(to);
      if (typeof window !== 'undefined') window.scrollTo?.({ top: 0 });
    },
    [history, basePath],
  );
  return { path, go };
}
