/** A problem+json answer (docs/api.md) as an Error the components can branch on by status. */
export interface ProblemIssue {
  pointer: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors: ProblemIssue[] = [],
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

/** Reads a problem+json (or any) error response into an ApiError. */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: { title?: string; detail?: string; errors?: ProblemIssue[] } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON (a proxy's HTML page): the status is all we have
  }
  return new ApiError(res.status, body.title ?? res.statusText ?? 'Request failed', body.detail, Array.isArray(body.errors) ? body.errors : []);
}
