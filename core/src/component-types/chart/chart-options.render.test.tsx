import type { Entity } from '@tessera/core';
import { toChartData } from './chart-data.render';
import { CHART_OPTIONS } from './chart-options.render';

const deal: Entity = {
  id: 'deal',
  label: 'Deal',
  fields: [
    {
      id: 'stage',
      type: 'enum',
      label: 'Stage',
      options: [
        { value: 'lead', label: 'Lead' },
        { value: 'negotiation', label: 'Negotiation' },
        { value: 'won', label: 'Won' },
      ],
    },
  ],
} as unknown as Entity;

describe('a funnel chart', () => {
  it('draws its stages in the enum order, not by size (Won after Negotiation even when it has more deals)', () => {
    const rows = [
      { stage: 'won', value: 8 },
      { stage: 'lead', value: 20 },
      { stage: 'negotiation', value: 3 },
    ];
    const data = toChartData(rows, deal, 'stage', 'en', {});
    const options = CHART_OPTIONS.funnel(data, String) as { series: Array<{ sort: string; data: Array<{ name: string; value: number }> }> };
    const [series] = options.series;
    expect(series.sort).toBe('none'); // ECharts draws the data in the order given
    expect(series.data.map((d) => [d.name, d.value])).toEqual([
      ['Lead', 20],
      ['Negotiation', 3],
      ['Won', 8],
    ]);
  });
});
