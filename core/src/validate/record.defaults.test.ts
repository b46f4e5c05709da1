import type { Entity } from '../generated/app-definition';
import { createClock } from '../expressions';
import { applyDefaults, DefaultFailedError } from './record.defaults';

const entity = {
  id: 'lead',
  fields: [
    { id: 'name', type: 'text' },
    { id: 'tags', type: 'multienum', options: [{ value: 'a' }], default: ['a'] },
    { id: 'owner', type: 'text', default: { $expr: '$user.email' } },
    { id: 'since', type: 'datetime', default: { $expr: '$now()' } },
  ],
} as unknown as Entity;
const user = { id: 'u1', email: 'rep@example.com' };

describe('applyDefaults (server, backfill and the builder preview)', () => {
  it('fills what is left out: literals copied, expressions with the user and the execution clock', async () => {
    const clock = createClock({ now: Date.parse('2026-12-07T10:00:00Z') });
    const a = (await applyDefaults(entity, { name: 'A' }, { user, clock })) as Record<string, unknown>;
    const b = (await applyDefaults(entity, { name: 'B', owner: 'someone@else.io' }, { user, clock })) as Record<string, unknown>;
    expect(a).toEqual({ name: 'A', tags: ['a'], owner: 'rep@example.com', since: '2026-12-07T10:00:00.000Z' });
    expect(b.owner).toBe('someone@else.io');
    expect(b.since).toBe(a.since); // one execution, one instant
    (a.tags as string[]).push('changed');
    expect(((await applyDefaults(entity, {}, { user, clock })) as { tags: string[] }).tags).toEqual(['a']);
  });

  it('leaves a non-object body for the validator, and reports a failing default with its pointer', async () => {
    expect(await applyDefaults(entity, 'text', { user })).toBe('text');
    const broken = { id: 'lead', fields: [{ id: 'n', type: 'number', default: { $expr: '$number("x")' } }] } as unknown as Entity;
    const err = (await applyDefaults(broken, {}, { user: null }).catch((e) => e)) as DefaultFailedError;
    expect(err).toBeInstanceOf(DefaultFailedError);
    expect(err.issue).toEqual({ pointer: '/n', message: expect.stringMatching(/^default expression failed: /) });
    expect(err.message).toMatch(/^the default of lead\.n failed: /);
  });
});
