/**
 * What the domain (records, platform, jobs) throws when an operation cannot be done as asked.
 * They say what went wrong, not how a transport reports it: the HTTP edge maps each `kind` to an
 * RFC 9457 problem (http/domain-problem.ts), and a job or workflow engine can decide "retry or
 * fail" from the kind without reading HTTP status codes.
 */

/** One thing wrong with the input: where (a JSON pointer into it) and what. */
export interface Issue {
  pointer: string;
  message: string;
}

export interface DomainErrorOptions {
  /** One entry per thing wrong, for clients that point at fields. */
  issues?: Issue[];
  /** Machine-readable facts a client can act on (e.g. `currentVersion`), passed through as they are. */
  details?: Record<string, unknown>;
}

export type DomainErrorKind =
  'invalid' | 'validation-failed' | 'forbidden' | 'not-found' | 'conflict' | 'precondition-failed' | 'too-large' | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  readonly issues?: Issue[];
  readonly details?: Record<string, unknown>;

  constructor(message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.name = new.target.name;
    if (options.issues) this.issues = options.issues;
    if (options.details) this.details = options.details;
  }
}

/** The input is not what the operation accepts (its shape, syntax or limits). */
export class Invalid extends DomainError {
  readonly kind = 'invalid';
  constructor(message: string, issues?: Issue[]) {
    super(message, issues ? { issues } : {});
  }
}

/** Well-formed input that breaks the rules of the definition (a record's schema, its links, renames). */
export class ValidationFailed extends DomainError {
  readonly kind = 'validation-failed';
  constructor(message: string, issues: Issue[]) {
    super(message, { issues });
  }
}

/** The caller may not do this (their role, their rows, their fields). */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
}

/** It does not exist, or the caller may not know that it does. */
export class NotFound extends DomainError {
  readonly kind = 'not-found';
}

/** It clashes with what is stored (a unique value, links that restrict a delete, an existing id). */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
}

/** The caller worked on a version that is no longer the current one (optimistic concurrency). */
export class PreconditionFailed extends DomainError {
  readonly kind = 'precondition-failed';
}

/** More than the operation takes at once. */
export class TooLarge extends DomainError {
  readonly kind = 'too-large';
}

/** Not now: the resource is busy (e.g. its data is being moved by a publish); `details.retryAfter` says when to try again (seconds). */
export class Unavailable extends DomainError {
  readonly kind = 'unavailable';
}
