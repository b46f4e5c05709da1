import { useEffect, useState } from 'react';
import type { Entity } from '@tessera/core';
import { useRenderer, isApiError, type DataPort, type RecordData, useLive } from '@tessera/renderer/kit';

const inflight = new WeakMap<DataPort, Map<string, Promise<RecordData | null>>>();

/**
 * One GET for every detail card of a page asking at the same time. A GET, not the relation
 * cache: that one skips rollups (it is for display names), and detail cards show them.
 */
function getOnce(port: DataPort, entity: string, id: string): Promise<RecordData | null> {
  let pending = inflight.get(port);
  if (!pending) inflight.set(port, (pending = new Map()));
  const key = `${entity}\u0000${id}`;
  let promise = pending.get(key);
  if (!promise) {
    promise = port
      .get(entity, id)
      .catch((err) => (isApiError(err, 404) ? null : Promise.reject(err)))
      .finally(() => pending.delete(key));
    pending.set(key, promise);
  }
  return promise;
}

/**
 * The page's record (route `:id`), with its rollups. Several detail components on one page ask
 * for the same record: one request serves them. Live changes reload it, a delete shows "not found".
 */
export function useRecord(entity: Entity | undefined, ready: boolean) {
  const { port, params, mode } = useRenderer();
  const [record, setRecord] = useState<RecordData | null>();
  const [error, setError] = useState<unknown>();
  const [reloads, setReloads] = useState(0);
  const id = params.id;
  useEffect(() => {
    if (!entity || !ready) return;
    let alive = true;
    setError(undefined);
    const load = id
      ? getOnce(port, entity.id, id)
      : mode === 'design'
        ? port.list(entity.id, { limit: 1 }).then((p) => p.items[0] ?? null)
        : Promise.resolve(null);
    load.then((r) => alive && setRecord(r)).catch((err) => alive && setError(err));
    return () => {
      alive = false;
    };
  }, [entity, ready, id, reloads, port, mode]);
  useLive(entity?.id, (e) => {
    if (e.kind === 'reset' || (e.kind === 'change' && e.id === record?.id)) setReloads((n) => n + 1);
  });
  return { record, error, loading: record === undefined && !error, reload: () => setReloads((n) => n + 1) };
}
