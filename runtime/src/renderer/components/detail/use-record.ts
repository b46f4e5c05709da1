import { useEffect, useState } from 'react';
import type { Entity } from '@tessera/schemas';
import { useRenderer } from '../../context/renderer.context';
import type { RecordData } from '../../data/data-port';
import { useLive } from '../shared/use-live';

/**
 * The page's record (route `:id`). Several detail components on one page ask for the same
 * record: the relation cache batches them into one request. Live changes reload it, a delete
 * shows "not found".
 */
export function useRecord(entity: Entity | undefined, ready: boolean) {
  const { port, params, relations, mode } = useRenderer();
  const [record, setRecord] = useState<RecordData | null>();
  const [error, setError] = useState<unknown>();
  const [reloads, setReloads] = useState(0);
  const id = params.id;
  useEffect(() => {
    if (!entity || !ready) return;
    let alive = true;
    setError(undefined);
    const load = id ? relations.load(entity.id, id) : mode === 'design' ? port.list(entity.id, { limit: 1 }).then((p) => p.items[0] ?? null) : Promise.resolve(null);
    load.then((r) => alive && setRecord(r)).catch((err) => alive && setError(err));
    return () => {
      alive = false;
    };
  }, [entity, ready, id, reloads, port, relations, mode]);
  useLive(entity?.id, (e) => {
    if (e.kind === 'reset' || (e.kind === 'change' && e.id === record?.id)) setReloads((n) => n + 1);
  });
  return { record, error, loading: record === undefined && !error, reload: () => setReloads((n) => n + 1) };
}
