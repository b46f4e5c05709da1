import type { Entity } from '@tessera/core';
import { InvalidQueryError, NotFoundError, UniqueViolationError, VersionConflictError } from '@tessera/core/store';
import { Conflict, Invalid, NotFound, PreconditionFailed } from '../domain-errors';

export async function queryErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof InvalidQueryError) throw new Invalid(err.message, [{ pointer: err.path, message: err.message }]);
    throw err;
  }
}

/** Store errors become domain errors that name the entity and the fields a client can act on. */
export async function writeErrors<T>(entity: Entity, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof UniqueViolationError) {
      throw new Conflict(`another ${entity.id} already has this ${err.fields.join(' + ')}`, {
        issues: err.fields.map((f) => ({ pointer: `/${f}`, message: 'must be unique' })),
      });
    }
    if (err instanceof VersionConflictError) {
      throw new PreconditionFailed(`the ${entity.id} was changed by someone else (now version ${err.actual}); reload it and try again`, {
        details: { currentVersion: err.actual },
      });
    }
    if (err instanceof NotFoundError) throw new NotFound(`${entity.id} "${err.id}" does not exist`);
    throw err;
  }
}
