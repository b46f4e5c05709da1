import type { Entity } from '@tessera/core';
import { InvalidQueryError, NotFoundError, UniqueViolationError, VersionConflictError } from '@tessera/core/store';
import { badRequest, conflict, notFound, preconditionFailed } from '../http/problem';

export async function queryErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof InvalidQueryError) throw badRequest(err.message, [{ pointer: err.path, message: err.message }]);
    throw err;
  }
}

/** Store errors become the HTTP problems a client can act on. */
export async function writeErrors<T>(entity: Entity, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof UniqueViolationError) {
      throw conflict(`another ${entity.id} already has this ${err.fields.join(' + ')}`, {
        errors: err.fields.map((f) => ({ pointer: `/${f}`, message: 'must be unique' })),
      });
    }
    if (err instanceof VersionConflictError) {
      throw preconditionFailed(`the ${entity.id} was changed by someone else (now version ${err.actual}); reload it and try again`, {
        currentVersion: err.actual,
      });
    }
    if (err instanceof NotFoundError) throw notFound(`${entity.id} "${err.id}" does not exist`);
    throw err;
  }
}
