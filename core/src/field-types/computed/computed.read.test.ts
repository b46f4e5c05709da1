import type { Entity } from '../../generated/app-definition';
import { createBudget } from '../../expressions';
import { addComputedFields, computeError } from './computed.read';

const entity = {
  id: 'contact',
  fields: [
    { id: 'first', type: 'text' },
    { id: 'last', type: 'text' },
    { id: 'full', type: 'computed', resultType: 'text', expression: { $expr: "first & ' ' & last" } },
    { id: 'score', type: 'computed', resultType: 'number', expression: { $expr: '$number(last)' } },
    { id: 'label', type: 'computed', resultType: 'text', expression: { $expr: "full & ' (' & $string(score) & ')'" } },
  ],
} as unknown as Entity;

describe('computed fields on read', () => {
  it('evaluates in declaration order, each seeing the ones before it', async () => {
    const out = await addComputedFields(entity, { id: '1', first: 'Ann', last: '42' });
    expect(out).toEqual({ id: '1', first: 'Ann', last: '42', full: 'Ann 42', score: 42, label: 'Ann 42 (42)' });
    expect(computeError(out, 'score')).toBeUndefined();
  });

  it('leaves a failed value out and says why, instead of a null that reads like a real value', async () => {
    const failed: string[] = [];
    const out: Record<string, unknown> = await addComputedFields(
      entity,
      { id: '2', first: 'Bo', last: 'Smith' },
      { onError: (f) => failed.push(f) },
    );
    expect(out).not.toHaveProperty('score');
    expect(out.full).toBe('Bo Smith');
    expect(computeError(out, 'score')).toMatch(/Unable to cast value to a number/);
    // `label` reads the missing score as JSONata reads any missing value (joined as ""), never as "null".
    expect(out.label).toBe('Bo Smith ()');
    expect(failed).toEqual(['score']);
  });

  it("fails every field of a request past the request's shared budget, each named", async () => {
    const budget = createBudget({ steps: 10 });
    const out: Record<string, unknown> = await addComputedFields(entity, { id: '3', first: 'Cy', last: '7' }, { budget });
    expect(Object.keys(out.$errors as object).length).toBeGreaterThan(0);
  });
});
