/**
 * Errors as RFC 9457 problem details. Routes and middleware throw `Problem`s; the domain throws
 * domain errors (../domain-errors.ts) and store errors, which errors.middleware.ts maps to
 * problems. One Express error handler renders every one as `application/problem+json`.
 */
import type { ProblemIssue } from '@tessera/core/wire';

/** An entry of a problem's `errors` (the domain's Issue has the same shape), as it goes on the wire. */
export type { ProblemIssue };

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: { errors?: ProblemIssue[]; [key: string]: unknown } = {},
  ) {
    super(detail ?? title);
    this.name = 'Problem';
  }

  /** The problem type is a stable, documented slug per title. */
  get type(): string {
    return `https://tessera.dev/problems/${this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  }

  toJSON(instance?: string): Record<string, unknown> {
    return { type: this.type, title: this.title, status: this.status, detail: this.detail, instance, ...this.extra };
  }
}

export const badRequest = (detail: string, errors?: ProblemIssue[]) => new Problem(400, 'Bad request', detail, errors ? { errors } : {});
export const unauthorized = (detail = 'sign in or send an API key') => new Problem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new Problem(403, 'Forbidden', detail);
export const notFound = (detail: string) => new Problem(404, 'Not found', detail);
export const conflict = (detail: string, extra: Record<string, unknown> = {}) => new Problem(409, 'Conflict', detail, extra);
export const preconditionFailed = (detail: string, extra: Record<string, unknown> = {}) =>
  new Problem(412, 'Precondition failed', detail, extra);
export const unprocessable = (detail: string, errors: ProblemIssue[]) => new Problem(422, 'Validation failed', detail, { errors });
