/** Errors every adapter throws with the same class, so the API maps them to one HTTP status each. */

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** 404 */
export class NotFoundError extends StoreError {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`${collection}: no document with id "${id}"`);
  }
}

/** 412 (If-Match) or 409 */
export class VersionConflictError extends StoreError {
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`${collection}/${id}: expected version ${expected} but it is ${actual}`);
  }
}

/** 409 */
export class UniqueViolationError extends StoreError {
  constructor(
    readonly collection: string,
    readonly fields: string[],
    message?: string,
  ) {
    super(message ?? `${collection}: another document already has the same ${fields.join(' + ')}`);
  }
}

/** 400: a filter, sort, field path or cursor the store refuses. `path` points into the offending input. */
export class InvalidQueryError extends StoreError {
  constructor(
    message: string,
    readonly path: string = '',
  ) {
    super(message);
  }
}

/** 507: the disk (or the database's size limit) is full; the write was not made. */
export class StorageFullError extends StoreError {
  constructor(cause?: unknown) {
    super('the storage is full: the write was not made');
    this.cause = cause;
  }
}
