/**
 * A problem+json answer (RFC 9457, docs/api.md) as an Error the browser clients (builder and
 * app renderer) can branch on by status. Browser-safe: it only reads what `fetch` returned.
 */
import type { ProblemIssue } from './api-types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors: ProblemIssue[] = [],
    /** The whole problem body (extension members such as `currentRevision`). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
  }

  /** Field id -> message, from pointers like `/email` (nested pointers count for their field). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      const field = e.pointer.split('/')[1];
      if (field && !out[field]) out[field] = e.message;
    }
    return out;
  }
}

export const isApiError = (err: unknown, status?: number): err is ApiError =>
  err instanceof ApiError && (status === undefined || err.status === status);

/** An error response's parsed body (problem+json, or anything else) as an ApiError. */
export function problemError(status: number, body: unknown, statusText = ''): ApiError {
  const p = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as {
    title?: unknown;
    detail?: unknown;
    errors?: unknown;
  };
  const title = typeof p.title === 'string' ? p.title : statusText || `HTTP ${status}`;
  const detail = typeof p.detail === 'string' ? p.detail : undefined;
  return new ApiError(status, title, detail, Array.isArray(p.errors) ? (p.errors as ProblemIssue[]) : [], p as Record<string, unknown>);
}

/** Reads a problem+json (or any) error response into an ApiError. */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = {};
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy's HTML page): the status is all we have
  }
  return problemError(res.status, body, res.statusText || 'Request failed');
}
