/**
 * Kanban data: the records, and moving a card = PATCH of the groupBy field with If-Match.
 * The move shows at once (optimistic) and is rolled back if the server refuses it.
 */
import { liveRecord, useRenderer, type RecordData, type SortSpec, useT, useLive } from '@tessera/renderer/kit';
import { App } from 'antd';
import { useEffect, useState } from 'react';
import { matchesEntityFilter, type Entity, type Filter } from '@tessera/core';
import type { Filter as StoreFilter } from '@tessera/core/store';

export function useKanban(
  entity: Entity | undefined,
  groupBy: string,
  filter: Filter | undefined,
  sort: SortSpec[] | undefined,
  limit: number,
  ready: boolean,
) {
  const { port } = useRenderer();
  const { message } = App.useApp();
  const { t } = useT();
  const [records, setRecords] = useState<RecordData[]>();
  const [error, setError] = useState<unknown>();
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    if (!entity || !ready) return;
    let alive = true;
    setError(undefined);
    port
      .list(entity.id, { filter, sort, limit })
      .then((p) => alive && setRecords(p.items))
      .catch((e) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [entity, ready, JSON.stringify(filter), reloads]); // eslint-disable-line react-hooks/exhaustive-deps

  useLive(entity?.id, (e) => {
    if (e.kind === 'reset') return setReloads((n) => n + 1);
    if (e.kind !== 'change') return;
    setRecords((prev) => {
      if (!prev) return prev;
      if (e.type === 'deleted') return prev.filter((r) => r.id !== e.id);
      if (!e.record) return prev;
      const belongs = matchesEntityFilter(entity!, e.record, filter as StoreFilter | undefined);
      const current = prev.find((r) => r.id === e.id);
      // An older version arriving after our own optimistic move must not undo it.
      if (current && current.version >= e.version) return prev;
      if (current) return belongs ? prev.map((r) => (r.id === e.id ? liveRecord(r, e) : r)) : prev.filter((r) => r.id !== e.id);
      return belongs ? [...prev, e.record] : prev;
    });
  });

  async function move(id: string, lane: string | null) {
    const before = records?.find((r) => r.id === id);
    if (!entity || !before || (before[groupBy] ?? null) === lane) return;
    setRecords((prev) => prev?.map((r) => (r.id === id ? { ...r, [groupBy]: lane } : r)));
    try {
      const saved = await port.update(entity.id, id, { [groupBy]: lane }, before.version);
      setRecords((prev) => prev?.map((r) => (r.id === id ? saved : r)));
    } catch (err) {
      setRecords((prev) => prev?.map((r) => (r.id === id ? before : r)));
      void message.error(`${t('component.kanban.moveFailed')}: ${(err as Error).message}`);
    }
  }

  return { records, error, move, reload: () => setReloads((n) => n + 1) };
}
