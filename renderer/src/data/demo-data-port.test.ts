import type { AppDefinition } from '@tessera/core';
import { createDemoDataPort } from './demo-data-port';

/** The preview's data port answers like the server: date buckets labelled as the server labels them, empty sums 0. */
const definition = {
  id: 'drift',
  name: 'Drift',
  entities: [
    {
      id: 'deal',
      label: 'Deal',
      display: 'title',
      fields: [
        { id: 'title', type: 'text' },
        { id: 'closed', type: 'date' },
        { id: 'amount', type: 'number' },
        { id: 'company', type: 'relation', to: 'company' },
      ],
    },
    {
      id: 'company',
      label: 'Company',
      display: 'name',
      fields: [
        { id: 'name', type: 'text' },
        { id: 'total', type: 'rollup', entity: 'deal', via: 'company', aggregate: 'sum', field: 'amount' },
      ],
    },
  ],
} as unknown as AppDefinition;

describe('demo data port (builder preview)', () => {
  it('buckets 2026-03-15 into 2026-W11 and 2026-Q1, as the live app shows', async () => {
    const port = createDemoDataPort(definition, 1, { count: 0 });
    await port.create('deal', { title: 'A', closed: '2026-03-15', amount: 4 });
    const week = await port.aggregate('deal', {
      groupBy: ['closed'],
      metrics: [{ op: 'sum', field: 'amount', as: 'value' }],
      bucket: 'week',
    });
    const quarter = await port.aggregate('deal', {
      groupBy: ['closed'],
      metrics: [{ op: 'sum', field: 'amount', as: 'value' }],
      bucket: 'quarter',
    });
    expect(week.rows).toEqual([{ closed: '2026-W11', value: 4 }]);
    expect(quarter.rows).toEqual([{ closed: '2026-Q1', value: 4 }]);
  });

  it('a rollup sum over no related rows is 0', async () => {
    const port = createDemoDataPort(definition, 1, { count: 0 });
    const company = await port.create('company', { name: 'Acme' });
    expect(company.total).toBe(0);
    expect((await port.aggregate('deal', { metrics: [{ op: 'sum', field: 'amount', as: 'v' }] })).rows).toEqual([{ v: 0 }]);
  });

  it('fills defaults like the server, and refuses a record whose default expression fails (422), storing nothing', async () => {
    const withDefaults = structuredClone(definition) as unknown as { entities: Array<{ fields: unknown[] }> };
    withDefaults.entities[0].fields.push(
      { id: 'stage', type: 'text', default: 'open' },
      { id: 'owner', type: 'text', default: { $expr: 'user.email' } },
      { id: 'broken', type: 'number', default: { $expr: '$number("not a number")' } },
    );
    const port = createDemoDataPort(withDefaults as unknown as AppDefinition, 1, { count: 0 });
    const err = await port.create('deal', { title: 'A' }).catch((e) => e);
    expect(err).toMatchObject({
      status: 422,
      errors: [{ pointer: '/broken', message: expect.stringMatching(/default expression failed/) }],
    });
    expect((await port.list('deal')).items).toEqual([]);
    const ok = await port.create('deal', { title: 'B', broken: 3 });
    expect(ok).toMatchObject({ stage: 'open', owner: 'demo@example.com', broken: 3 });
  });
});
