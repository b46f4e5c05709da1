import { UniqueViolationError } from '@tessera/core/store';
import { toProblem } from './errors.middleware';

describe('store errors at the HTTP edge (Hardening 20)', () => {
  it('a unique violation that reaches the edge unmapped names the fields, never the internal collection', () => {
    const problem = toProblem(new UniqueViolationError('r097e9f83d93e_student', ['email']));
    expect(problem.status).toBe(409);
    expect(JSON.stringify(problem.toJSON())).not.toContain('r097e9f83d93e');
    expect(problem.toJSON()).toMatchObject({
      detail: 'another record already has the same email',
      errors: [{ pointer: '/email', message: 'must be unique' }],
    });
  });
});
