import { ApiError, isApiError, problemError, toApiError } from './api-error';

describe('ApiError', () => {
  it('reads a problem+json body: message, per-pointer errors, field errors, extension members', () => {
    const err = problemError(412, {
      title: 'Precondition failed',
      detail: 'reload it',
      errors: [
        { pointer: '/email/0', message: 'taken' },
        { pointer: '/email', message: 'second' },
      ],
      currentRevision: 7,
    });
    expect(err).toBeInstanceOf(ApiError);
    expect([err.status, err.title, err.message]).toEqual([412, 'Precondition failed', 'reload it']);
    expect(err.fieldErrors()).toEqual({ email: 'taken' });
    expect(err.body.currentRevision).toBe(7);
    expect(isApiError(err, 412) && !isApiError(err, 404) && !isApiError(new Error('x'))).toBe(true);
  });

  it('keeps the status when the body is not a problem (a proxy page, junk errors)', async () => {
    expect(problemError(502, null).message).toBe('HTTP 502');
    expect(problemError(400, { detail: 'bad', errors: 'nope' }).errors).toEqual([]);
    const fromHtml = await toApiError(new Response('<html>', { status: 503, statusText: 'Service Unavailable' }));
    expect([fromHtml.status, fromHtml.message]).toEqual([503, 'Service Unavailable']);
  });
});
