/**
 * Hardening 19: definitions the validator used to accept and that failed only when a page opened
 * (or, for filters on rollups, when a list was asked for). Each is now a validation error at its
 * pointer, reported together with the schema's errors.
 */
import { describe, expect, it } from '@jest/globals';
import { formatIssues, validateDefinition } from '../src/index';
import { fullApp, type Loose } from './fixture';

function errorsAfter(mutate: (d: Loose) => void): string[] {
  const d = fullApp();
  mutate(d);
  const r = validateDefinition(d);
  return r.ok ? [] : formatIssues(r.errors).split('\n');
}

/** A component on the fixture's deals page (`/deals`), reading deals. */
let probes = 0;
const onDeals = (d: Loose, component: Loose) => {
  const page = d.pages.find((p: Loose) => p.id === 'deals');
  page.components.push({ id: `probe${++probes}`, source: { kind: 'entity', entity: 'deal' }, ...component });
  return `/pages/${d.pages.indexOf(page)}/components/${page.components.length - 1}`;
};

describe('the validator refuses what would fail at run time', () => {
  it('a kanban grouped by a text field', () => {
    let at = '';
    expect(errorsAfter((d) => (at = onDeals(d, { type: 'kanban', props: { groupBy: 'title', titleField: 'title' } })))).toEqual([
      `${at}/props/groupBy: "title" is a text field; kanban lanes need a field with options (an enum)`,
    ]);
  });

  it('a KPI summing a text field (it read 0), and a chart metric on a rollup or through a relation', () => {
    let kpi = '';
    let chart = '';
    let path = '';
    const errors = errorsAfter((d) => {
      kpi = onDeals(d, { type: 'kpi', props: { title: 'Sum', metric: { op: 'sum', field: 'title' } } });
      chart = onDeals(d, { type: 'chart', props: { chartType: 'bar', x: 'stage', metric: { op: 'sum', field: 'weighted' } } });
      path = onDeals(d, { type: 'chart', props: { chartType: 'bar', x: 'company.name', metric: { op: 'count' } } });
    });
    expect(errors).toEqual([
      `${kpi}/props/metric/field: cannot take the sum of "title", a text field (only numbers, money and dates)`,
      `${chart}/props/metric/field: "weighted" is a computed field, worked out when a record is read; it cannot be grouped, sorted, filtered or aggregated`,
      `${path}/props/x: "company.name" goes through a relation; only the entity's own fields can be used here`,
    ]);
  });

  it('counts and min/max of dates stay allowed', () => {
    expect(
      errorsAfter((d) => {
        onDeals(d, { type: 'kpi', props: { title: 'n', metric: { op: 'count' } } });
        onDeals(d, { type: 'kpi', props: { title: 'last', metric: { op: 'max', field: 'closeDate' } } });
      }),
    ).toEqual([]);
  });

  it('a filter value that is not an option of the enum, and a filter or sort on a rollup', () => {
    let at = '';
    const errors = errorsAfter((d) => {
      at = onDeals(d, {
        type: 'table',
        props: { columns: [{ field: 'title' }] },
        source: {
          kind: 'entity',
          entity: 'deal',
          filter: { stage: { $in: ['won', 'wom'] }, weighted: { $gt: 1 } },
          sort: [{ field: 'weighted', dir: 'desc' }],
        },
      });
    });
    expect(errors).toEqual([
      expect.stringMatching(new RegExp(`^${at}/source/filter/stage/\\$in/1: "wom" is not an option of "stage" \\(`)),
      `${at}/source/filter/weighted: "weighted" is a computed field, worked out when a record is read; it cannot be grouped, sorted, filtered or aggregated`,
      `${at}/source/sort/0/field: "weighted" is a computed field, worked out when a record is read; it cannot be grouped, sorted, filtered or aggregated`,
    ]);
  });

  it('an ":id" filter on a page whose route has no :id, and not on one that has', () => {
    let at = '';
    const errors = errorsAfter((d) => {
      at = onDeals(d, {
        type: 'table',
        props: { columns: [{ field: 'title' }] },
        source: { kind: 'entity', entity: 'deal', filter: { company: ':id' } },
      });
      const detail = d.pages.find((p: Loose) => p.id === 'dealDetail');
      detail.components.push({
        id: 'fine',
        type: 'table',
        props: { columns: [{ field: 'title' }] },
        source: { kind: 'entity', entity: 'deal', filter: { company: ':id' } },
      });
    });
    expect(errors).toEqual([`${at}/source/filter/company: ":id" is a route parameter, but the page's route has none`]);
  });

  it('a computed field whose expression names a field the entity does not have', () => {
    const errors = errorsAfter((d) => {
      const deal = d.entities.find((e: Loose) => e.id === 'deal');
      deal.fields.push({ id: 'net', type: 'computed', resultType: 'number', expression: { $expr: 'amonut * 0.8' } });
    });
    expect(errors).toEqual([
      expect.stringMatching(
        /\/expression\/\$expr: the expression reads "amonut", which is not a field of "deal" \(did you mean "amount"\?\)/,
      ),
    ]);
  });

  it('choice fields: a repeated option value, and a default that is not an option (enum and multienum alike)', () => {
    const errors = errorsAfter((d) => {
      const industry = d.entities[0].fields[5];
      industry.options.push({ ...industry.options[0] });
      d.entities[1].fields[7].default = ['nope'];
      d.entities[2].fields[2].default = 'gone';
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/entities\/0\/fields\/5\/options\/\d+\/value: duplicate option value "/),
        '/entities/1/fields/7/default: default "nope" is not one of the options',
        '/entities/2/fields/2/default: default "gone" is not one of the options',
      ]),
    );
  });

  it('reports schema errors and these together', () => {
    const errors = errorsAfter((d) => {
      onDeals(d, { type: 'kanban', props: { groupBy: 'title', titleField: 'title' } });
      d.entities[0].permissions[0].rows = 'mine';
    });
    expect(errors).toEqual([
      '/entities/0/permissions/0/rows: must be one of "own", "team", "all"',
      expect.stringContaining('kanban lanes need a field with options'),
    ]);
  });
});
