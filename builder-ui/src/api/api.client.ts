/**
 * fetch wrapper for the platform API: JSON in and out, the session cookie, and errors as
 * ApiError (@tessera/core/wire) carrying the problem+json body (status, detail, per-pointer errors).
 */
import { problemError } from '@tessera/core/wire';

export { ApiError, type ProblemIssue } from '@tessera/core/wire';

export interface ApiResponse<T> {
  body: T;
  etag: string | null;
}

export type Fetch = typeof fetch;

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  fetchImpl: Fetch = fetch,
): Promise<ApiResponse<T>> {
  const res = await fetchImpl(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { detail: text };
  }
  if (!res.ok) throw problemError(res.status, json);
  return { body: json as T, etag: res.headers.get('ETag') };
}
