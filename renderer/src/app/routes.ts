/** Page routes (`/companies/:id`) matched against a path inside the app; static segments win over params. */
import type { Page } from '@tessera/core';

export interface RouteMatch {
  page: Page;
  params: Record<string, string>;
}

const segments = (path: string) => path.split('/').filter(Boolean);

export function matchRoute(pages: Page[], path: string): RouteMatch | undefined {
  const parts = segments(path);
  let best: { match: RouteMatch; score: number } | undefined;
  for (const page of pages) {
    const route = segments(page.route);
    if (route.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let score = 0;
    const ok = route.every((seg, i) => {
      if (seg.startsWith(':')) {
        params[seg.slice(1)] = decodeURIComponent(parts[i]);
        return true;
      }
      score++;
      return seg === parts[i];
    });
    if (ok && (!best || score > best.score)) best = { match: { page, params }, score };
  }
  return best?.match ?? matchHome(pages, parts);
}

/** The app's root shows its first page without route parameters when no page claims `/` (new apps built in the builder have none). */
function matchHome(pages: Page[], parts: string[]): RouteMatch | undefined {
  if (parts.length) return undefined;
  const page = pages.find((p) => !p.route.includes(':'));
  return page ? { page, params: {} } : undefined;
}

export function buildPath(page: Page, params: Record<string, string> = {}): string {
  const path = segments(page.route)
    .map((seg) => (seg.startsWith(':') ? encodeURIComponent(params[seg.slice(1)] ?? '') : seg))
    .join('/');
  return `/${path}`;
}
