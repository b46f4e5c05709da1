import { refOptions } from './app-form-context';
import type { Draft } from '../store/draft.types';

const draft = {
  entities: [
    {
      id: 'deal',
      fields: [
        { id: 'title', type: 'text' },
        { id: 'stage', type: 'enum', options: [{ value: 'open' }, { value: 'won' }] },
        { id: 'amount', type: 'money' },
        { id: 'weighted', type: 'computed', resultType: 'number', expression: { $expr: 'amount' } },
        { id: 'total', type: 'rollup', entity: 'line', via: 'deal', aggregate: 'sum', field: 'x' },
      ],
    },
  ],
} as unknown as Draft;
const ids = (key: string) => refOptions(draft, key, 'deal').map((o) => o.value);

describe('the field choices of a reference (Hardening 19: the builder offered what publish now refuses)', () => {
  it('filters and sorts offer stored fields only, never computed or rollup ones', () => {
    for (const key of ['filter', 'sort']) {
      expect(ids(key)).toEqual(expect.arrayContaining(['title', 'stage', 'amount', 'createdAt']));
      expect(ids(key)).not.toContain('weighted');
      expect(ids(key)).not.toContain('total');
    }
  });

  it('kanban lanes offer fields with options; chart axes and metrics stored fields; a table column anything', () => {
    expect(ids('field:options')).toEqual(['stage']);
    expect(ids('field:stored')).not.toContain('weighted');
    expect(ids('field:measure')).not.toContain('total');
    expect(ids('field')).toEqual(expect.arrayContaining(['weighted', 'total']));
  });
});
