import type { DomainError, DomainErrorKind } from '../domain-errors';
import { Problem } from './problem';

/** The one place a domain error's kind becomes an HTTP status and problem title. */
const PROBLEM_OF: Record<DomainErrorKind, { status: number; title: string }> = {
  invalid: { status: 400, title: 'Bad request' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  'precondition-failed': { status: 412, title: 'Precondition failed' },
  'too-large': { status: 413, title: 'Payload too large' },
  'validation-failed': { status: 422, title: 'Validation failed' },
  unavailable: { status: 503, title: 'Service unavailable' },
};

/** RFC 9457: the message is the `detail`, issues are `errors`, details are extension members. */
export function domainProblem(err: DomainError): Problem {
  const { status, title } = PROBLEM_OF[err.kind];
  return new Problem(status, title, err.message, { ...(err.issues ? { errors: err.issues } : {}), ...err.details });
}
