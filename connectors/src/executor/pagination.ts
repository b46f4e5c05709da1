/**
 * Walking an API's pages in its own style. The state between pages is also what a table hands
 * back as its "next page" cursor (opaque to the browser, checked when it comes back: a link
 * cursor may only point at the connection's own origin).
 */
import type { Pagination } from '@tessera/core';
import { ConnectorError } from './connector-error';

export type PageState = { offset: number } | { page: number } | { cursor: string } | { url: string } | Record<string, never>;

export function firstPage(p: Pagination): PageState {
  switch (p.type) {
    case 'offset':
      return { offset: 0 };
    case 'page':
      return { page: p.startPage ?? 1 };
    default:
      return {};
  }
}

/** Query parameters this page adds; a link page replaces the whole URL instead. */
export function pageQuery(p: Pagination, state: PageState, pageSize: number | undefined): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  if (pageSize !== undefined && p.limitParam) q[p.limitParam] = pageSize;
  if ('offset' in state) q[p.offsetParam!] = state.offset;
  if ('page' in state) q[p.pageParam!] = state.page;
  if ('cursor' in state) q[p.cursorParam!] = state.cursor;
  return q;
}

/** The next page's state, or undefined on the last page. `nextCursor` is the cursor expression's value. */
export function nextPage(
  p: Pagination,
  state: PageState,
  got: { records: number; pageSize?: number; linkHeader?: string; nextCursor?: unknown; baseUrl: URL; requestUrl: URL },
): PageState | undefined {
  if (got.records === 0) return undefined;
  const short = got.pageSize !== undefined && got.records < got.pageSize;
  switch (p.type) {
    case 'offset':
      return short ? undefined : { offset: (state as { offset: number }).offset + got.records };
    case 'page':
      return short ? undefined : { page: (state as { page: number }).page + 1 };
    case 'cursor':
      return typeof got.nextCursor === 'string' && got.nextCursor !== ''
        ? { cursor: got.nextCursor }
        : typeof got.nextCursor === 'number'
          ? { cursor: String(got.nextCursor) }
          : undefined;
    case 'link': {
      const next = linkNext(got.linkHeader, got.requestUrl);
      if (!next) return undefined;
      if (next.origin !== got.baseUrl.origin)
        throw new ConnectorError('BAD_RESPONSE', `the API's next-page link points at another site (${next.origin})`);
      return { url: next.href };
    }
  }
}

/** rel="next" of an RFC 8288 Link header, resolved against the request URL. */
export function linkNext(header: string | undefined, base: URL): URL | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(m[2])) {
      try {
        return new URL(m[1], base);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export const encodeCursor = (state: PageState) => Buffer.from(JSON.stringify(state)).toString('base64url');

/** A cursor from a caller, checked to be a state of this pagination style. */
export function decodeCursor(p: Pagination, token: string, baseUrl: URL): PageState {
  const bad = () => new ConnectorError('CURSOR', 'this page cursor was not handed out by this operation');
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof state !== 'object' || state === null) throw bad();
  const s = state as Record<string, unknown>;
  const ok =
    (p.type === 'offset' && Number.isSafeInteger(s.offset) && (s.offset as number) >= 0) ||
    (p.type === 'page' && Number.isSafeInteger(s.page) && (s.page as number) >= 0) ||
    (p.type === 'cursor' && typeof s.cursor === 'string') ||
    (p.type === 'link' && typeof s.url === 'string' && sameOrigin(s.url, baseUrl));
  if (!ok) throw bad();
  return s as PageState;
}

function sameOrigin(url: string, base: URL): boolean {
  try {
    return new URL(url).origin === base.origin;
  } catch {
    return false;
  }
}
