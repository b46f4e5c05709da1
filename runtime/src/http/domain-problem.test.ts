import { Conflict, Forbidden, Invalid, NotFound, PreconditionFailed, TooLarge, ValidationFailed } from '../domain-errors';
import { toProblem } from './errors.middleware';

const json = (err: unknown) => toProblem(err).toJSON('/here');

describe('domain errors at the HTTP edge', () => {
  it('gives every kind its status and title', () => {
    const cases: Array<[Error, number, string]> = [
      [new Invalid('bad'), 400, 'Bad request'],
      [new Forbidden('no'), 403, 'Forbidden'],
      [new NotFound('gone'), 404, 'Not found'],
      [new Conflict('taken'), 409, 'Conflict'],
      [new PreconditionFailed('stale'), 412, 'Precondition failed'],
      [new TooLarge('big'), 413, 'Payload too large'],
      [new ValidationFailed('wrong', []), 422, 'Validation failed'],
    ];
    for (const [err, status, title] of cases) expect(json(err)).toMatchObject({ status, title, detail: err.message, instance: '/here' });
  });

  it('renders issues as `errors` and details as extension members', () => {
    const err = new Conflict('another deal already has this code', {
      issues: [{ pointer: '/code', message: 'must be unique' }],
      details: { currentVersion: 3 },
    });
    expect(json(err)).toEqual({
      type: 'https://tessera.dev/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'another deal already has this code',
      instance: '/here',
      errors: [{ pointer: '/code', message: 'must be unique' }],
      currentVersion: 3,
    });
    expect(json(new NotFound('no app "x"'))).not.toHaveProperty('errors');
  });
});
