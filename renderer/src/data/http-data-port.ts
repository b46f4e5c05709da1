/**
 * DataPort over the end-user API (docs/end-user-api.md). Same-origin requests with the session
 * cookie; errors become ApiError (problem+json). Live events come from one shared EventSource:
 * the browser reconnects by itself and sends Last-Event-ID, so catch-up needs no code here.
 */
import type { DataPort, ExportQuery, ListQuery, LiveEvent, LiveListener, SavedView, SortSpec } from './data-port';
import { toApiError } from './api-error';

export interface HttpDataPortOptions {
  /** Prefix of every URL (default '' = same origin). */
  baseUrl?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

export const sortParam = (sort?: SortSpec[]): string | undefined =>
  sort?.length ? sort.map((s) => (s.dir === 'desc' ? `-${s.field}` : s.field)).join(',') : undefined;

function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const json = (v: unknown): string | undefined =>
  v === undefined || (typeof v === 'object' && v !== null && !Object.keys(v).length) ? undefined : JSON.stringify(v);

export function createHttpDataPort(appId: string, options: HttpDataPortOptions = {}): DataPort {
  const base = `${options.baseUrl ?? ''}/api/apps/${encodeURIComponent(appId)}`;
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
    if (body !== undefined) {
      if (typeof body === 'string' || body instanceof Blob) init.body = body;
      else {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
      }
    }
    const res = await doFetch(`${base}${path}`, init);
    if (!res.ok) throw await toApiError(res);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  const data = (entity: string) => `/data/${encodeURIComponent(entity)}`;
  const ifMatch = (version?: number): Record<string, string> => (version === undefined ? {} : { 'If-Match': `"${version}"` });

  // One EventSource for every subscriber; opened on the first subscription, closed after the last.
  const listeners = new Set<LiveListener>();
  let source: EventSource | undefined;
  const emit = (e: LiveEvent) => listeners.forEach((l) => l(e));
  function openLive() {
    const ES = options.EventSource ?? (typeof EventSource === 'undefined' ? undefined : EventSource);
    if (!ES) return;
    source = new ES(`${base}/live`, { withCredentials: true });
    source.addEventListener('change', (m) => {
      try {
        emit({ kind: 'change', ...(JSON.parse((m as MessageEvent).data) as Omit<Extract<LiveEvent, { kind: 'change' }>, 'kind'>) });
      } catch {
        // a malformed event is skipped; the next reset/refetch repairs the view
      }
    });
    source.addEventListener('published', (m) => {
      const version = Number((JSON.parse((m as MessageEvent).data || '{}') as { version?: number }).version ?? 0);
      emit({ kind: 'published', version });
    });
    source.addEventListener('reset', () => emit({ kind: 'reset' }));
  }

  const listQuery = (q: ListQuery = {}) =>
    query({
      filter: json(q.filter),
      sort: sortParam(q.sort),
      limit: q.limit,
      cursor: q.cursor,
      count: q.count ? 'true' : undefined,
      rollups: q.rollups === false ? 'false' : undefined,
    });

  return {
    runtime: () => call('GET', '/runtime'),
    list: (entity, q) => call('GET', `${data(entity)}${listQuery(q)}`),
    get: (entity, id) => call('GET', `${data(entity)}/${encodeURIComponent(id)}`),
    create: (entity, values) => call('POST', data(entity), values),
    update: (entity, id, patch, version) => call('PATCH', `${data(entity)}/${encodeURIComponent(id)}`, patch, ifMatch(version)),
    remove: (entity, id, version) => call('DELETE', `${data(entity)}/${encodeURIComponent(id)}`, undefined, ifMatch(version)),
    aggregate: (entity, q) =>
      call(
        'GET',
        `${data(entity)}/aggregate${query({ filter: json(q.filter), groupBy: q.groupBy?.join(','), metrics: JSON.stringify(q.metrics), bucket: q.bucket })}`,
      ),
    audit: (entity, id, p = {}) =>
      call('GET', `${data(entity)}/${encodeURIComponent(id)}/audit${query({ limit: p.limit, cursor: p.cursor })}`),
    subscribe(listener) {
      listeners.add(listener);
      if (!source) openLive();
      return () => {
        listeners.delete(listener);
        if (!listeners.size && source) {
          source.close();
          source = undefined;
        }
      };
    },
    importCsv: (entity, csv) => call('POST', `${data(entity)}/import`, csv, { 'Content-Type': 'text/csv' }),
    importStatus: (jobId) => call('GET', `/imports/${encodeURIComponent(jobId)}`),
    exportUrl: (entity, q: ExportQuery = {}) =>
      `${base}${data(entity)}/export.csv${query({ filter: json(q.filter), sort: sortParam(q.sort), fields: q.fields?.join(',') })}`,
    callOperation: (connection, operation, request = {}) =>
      call('POST', `/connections/${encodeURIComponent(connection)}/operations/${encodeURIComponent(operation)}`, request),
    views: {
      list: async (component) => unwrapViews(await call<{ items: SavedView[] } | SavedView[]>('GET', `/views${query({ component })}`)),
      create: (view) => call('POST', '/views', view),
      update: (id, view) => call('PUT', `/views/${encodeURIComponent(id)}`, view),
      remove: (id) => call('DELETE', `/views/${encodeURIComponent(id)}`),
    },
  };
}

/** The views list may come as `{ items }` or a bare array; both are accepted. */
function unwrapViews(body: { items: SavedView[] } | SavedView[]): SavedView[] {
  return Array.isArray(body) ? body : (body?.items ?? []);
}
