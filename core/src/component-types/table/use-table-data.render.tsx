/**
 * Server-side table state: column filters, quick search, sort, page size and cursor paging.
 * Every change of filter or sort goes back to the first page (cursors belong to one query).
 * Live events patch the loaded rows in place instead of refetching.
 */
import {
  liveRecord,
  searchFilter,
  usePermissions,
  useRenderer,
  type RecordData,
  type SortSpec,
  type ViewState,
  andFilters,
  useLive,
} from '@tessera/renderer/kit';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { matchesEntityFilter, type Entity, type Filter } from '@tessera/core';
import type { Filter as StoreFilter } from '@tessera/core/store';

export interface TableQuery {
  columnFilters: Record<string, unknown>;
  search: string;
  sort: SortSpec[];
  pageSize: number;
}

interface Loaded {
  items: RecordData[];
  nextCursor: string | null;
  total?: number;
  totalCapped?: boolean;
}

export function useTableData(entity: Entity | undefined, baseFilter: Filter | undefined, ready: boolean, initial: TableQuery) {
  const { port } = useRenderer();
  const { hidden } = usePermissions(entity?.id);
  const [query, setQuery] = useState<TableQuery>(initial);
  const [data, setData] = useState<Loaded>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [reloads, setReloads] = useState(0);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const seq = useRef(0);

  const filter = useMemo(() => {
    const columns = Object.fromEntries(Object.entries(query.columnFilters).filter(([, c]) => c !== undefined));
    return andFilters(baseFilter as Record<string, unknown>, columns, entity ? searchFilter(entity, query.search, hidden) : undefined) as
      Filter | undefined;
  }, [baseFilter, query.columnFilters, query.search, entity, hidden.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  const queryKey = JSON.stringify([filter, query.sort, query.pageSize]);

  // Cursors belong to one query: a new query starts again at page 1 (derived, so no double fetch).
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | undefined> }>({ key: queryKey, cursors: [undefined] });
  const cursors = paging.key === queryKey ? paging.cursors : [undefined];
  const setCursors = (f: (c: Array<string | undefined>) => Array<string | undefined>) => setPaging({ key: queryKey, cursors: f(cursors) });
  const pageIndex = cursors.length - 1;
  useEffect(() => {
    if (!entity || !ready) return;
    const mine = ++seq.current;
    setLoading(true);
    setError(undefined);
    port
      .list(entity.id, { filter, sort: query.sort, limit: query.pageSize, cursor: cursors[pageIndex], count: pageIndex === 0 })
      .then(
        (page) =>
          mine === seq.current &&
          setData((prev) => ({
            ...page,
            total: page.total ?? prev?.total,
            totalCapped: page.total === undefined ? prev?.totalCapped : page.totalCapped,
          })),
      )
      .catch((err) => mine === seq.current && setError(err))
      .finally(() => mine === seq.current && setLoading(false));
  }, [entity, ready, port, queryKey, cursors.join('\u0000'), reloads]); // eslint-disable-line react-hooks/exhaustive-deps

  useLive(entity?.id, (e) => {
    if (e.kind === 'reset') return setReloads((n) => n + 1);
    if (e.kind !== 'change') return;
    setData((prev) => {
      if (!prev) return prev;
      const has = prev.items.some((r) => r.id === e.id);
      if (e.type === 'deleted')
        return has
          ? {
              ...prev,
              items: prev.items.filter((r) => r.id !== e.id),
              total: prev.total === undefined || prev.totalCapped ? prev.total : prev.total - 1,
            }
          : prev;
      if (!e.record) return prev;
      if (has) return { ...prev, items: prev.items.map((r) => (r.id === e.id ? liveRecord(r, e) : r)) };
      // A new record that belongs to this query shows at the top of the first page, highlighted.
      if (e.type === 'created' && pageIndex === 0 && matchesEntityFilter(entity!, e.record, filter as StoreFilter | undefined)) {
        setFresh((s) => new Set(s).add(e.id));
        return {
          ...prev,
          items: [e.record, ...prev.items],
          total: prev.total === undefined || prev.totalCapped ? prev.total : prev.total + 1,
        };
      }
      return prev;
    });
  });

  const update = useCallback((patch: Partial<TableQuery>) => setQuery((q) => ({ ...q, ...patch })), []);
  const applyView = useCallback(
    (state: ViewState | undefined) => {
      setQuery({
        columnFilters: (state?.filter as Record<string, unknown>) ?? {},
        search: '',
        sort: state?.sort ?? initial.sort,
        pageSize: state?.pageSize ?? initial.pageSize,
      });
    },
    [initial.sort, initial.pageSize],
  );

  return {
    query,
    update,
    applyView,
    filter,
    fresh,
    items: data?.items ?? [],
    total: data?.total,
    totalCapped: data?.totalCapped ?? false,
    loaded: data !== undefined,
    loading,
    error,
    pageIndex,
    // Not while a page loads: the cursor shown would still be the previous page's.
    hasNext: !!data?.nextCursor && !loading,
    next: () => data?.nextCursor && !loading && setCursors((c) => [...c, data.nextCursor!]),
    prev: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    reload: () => setReloads((n) => n + 1),
  };
}
