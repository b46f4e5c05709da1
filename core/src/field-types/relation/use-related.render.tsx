import { useEffect, useState } from 'react';
import { type Related, useRenderer } from '@tessera/renderer/kit';

/** Related records by id through the batching cache; `undefined` while loading, `null` when not readable, LOOKUP_FAILED when the lookup failed. */
export function useRelated(entity: string, ids: string[]): Map<string, Related | undefined> {
  const { relations } = useRenderer();
  const key = ids.join(',');
  const [state, setState] = useState(() => new Map<string, Related | undefined>(ids.map((id) => [id, relations.peek(entity, id)])));
  useEffect(() => {
    let alive = true;
    setState(new Map(ids.map((id) => [id, relations.peek(entity, id)])));
    void Promise.all(ids.map((id) => relations.load(entity, id).then((r) => [id, r] as const))).then((pairs) => {
      if (alive) setState(new Map(pairs));
    });
    return () => {
      alive = false;
    };
  }, [entity, key, relations]); // eslint-disable-line react-hooks/exhaustive-deps
  return state;
}
