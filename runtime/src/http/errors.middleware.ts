import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { Problem } from './problem';
import { ExpressionError } from '@tessera/core/expressions';
import { DomainError } from '../domain-errors';
import { domainProblem } from './domain-problem';
import { isConnectorError } from '@tessera/connectors';
import { connectorProblem } from './connector-problem';
import { InvalidQueryError, NotFoundError, StorageFullError, UniqueViolationError, VersionConflictError } from '@tessera/core/store';

/** Maps anything thrown in a route to problem+json; unknown errors become a 500 without internals. */
export function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  if (err instanceof DomainError) return domainProblem(err);
  if (isConnectorError(err)) return connectorProblem(err);
  const e = err as { type?: string; status?: number; message?: string; limit?: number };
  if (e?.type === 'entity.too.large')
    return new Problem(413, 'Payload too large', `the request body is larger than the limit of ${e.limit} bytes`);
  // Not JSON.parse's message: it quotes the body around the error, and a body may hold a password or a credential.
  if (e?.type === 'entity.parse.failed') return new Problem(400, 'Malformed JSON', 'the request body is not valid JSON');
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') return new Problem(415, 'Unsupported media type', e.message);
  if (err instanceof InvalidQueryError)
    return new Problem(400, 'Bad request', err.message, { errors: [{ pointer: err.path, message: err.message }] });
  if (err instanceof ExpressionError) return new Problem(422, 'Expression failed', err.message);
  if (err instanceof NotFoundError) return new Problem(404, 'Not found', err.message);
  // Never the store's message: it names the internal collection (`r097e9f83d93e_student`).
  if (err instanceof UniqueViolationError)
    return new Problem(409, 'Conflict', `another record already has the same ${err.fields.join(' + ')}`, {
      errors: err.fields.map((f) => ({ pointer: `/${f}`, message: 'must be unique' })),
    });
  if (err instanceof VersionConflictError) return new Problem(412, 'Precondition failed', err.message);
  if (err instanceof StorageFullError)
    return new Problem(
      507,
      'Insufficient storage',
      "the server's storage is full, so nothing was saved; ask the operator to free disk space, then try again",
    );
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return new Problem(e.status, 'Bad request', e.message);
  return new Problem(500, 'Internal server error', 'something went wrong on our side; the error was logged with this request id');
}

/** `onStorageFull`: told of each write refused for a full disk (health reports it). */
export function errorHandler(log: Logger, onStorageFull: () => void = () => {}): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const problem = toProblem(err);
    if (err instanceof StorageFullError) onStorageFull();
    // 503 is a known, passing state (a move in progress, shutting down). A customer's API failing is
    // theirs, not ours: a warning with what was said (secrets already redacted), not an error.
    if (isConnectorError(err)) log.warn({ reqId: req.id, connector: problem.extra.connector }, err.message);
    else if (problem.status >= 500 && problem.status !== 503) log.error({ reqId: req.id, err }, 'request failed');
    const body = problem.toJSON(req.originalUrl) as { retryAfter?: unknown };
    if (typeof body.retryAfter === 'number') res.setHeader('Retry-After', String(body.retryAfter));
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new Problem(404, 'Not found', `no route ${req.method} ${req.path}`));
};
